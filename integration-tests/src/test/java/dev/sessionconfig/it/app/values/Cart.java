package dev.sessionconfig.it.app.values;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A shopping cart: a record with nested records, an enum-keyed map of lists, an EnumSet and an Optional. */
public record Cart(UUID id, List<Item> items, Map<Role, List<Instant>> seenBy, EnumSet<Role> sharedWith,
    Optional<String> coupon) {}
