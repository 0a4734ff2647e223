package dev.sessionconfig.bench.codec;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A cart line: reached from {@link Cart}, so its codec is generated without being listed. */
public record CartItem(UUID productId, String sku, String name, Category category, int quantity, BigDecimal unitPrice,
    Instant added) implements Serializable {}
