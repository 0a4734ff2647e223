package dev.sessionconfig.bench.codec;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A shopping cart as an application keeps it in a session. Serializable only so that JDK serialization can run on
 * the very same objects; sessionconfig stores it with the codec generated for it.
 */
public record Cart(UUID id, String currency, List<CartItem> items, Map<Category, List<Instant>> viewed, Instant updated)
    implements Serializable {}
