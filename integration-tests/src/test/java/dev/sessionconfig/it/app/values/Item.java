package dev.sessionconfig.it.app.values;

import java.math.BigDecimal;

/** A cart line: an application record, reached from {@link Cart} without being listed itself. */
public record Item(String sku, int quantity, BigDecimal unitPrice) {}
