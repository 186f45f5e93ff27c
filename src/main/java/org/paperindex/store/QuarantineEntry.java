package org.paperindex.store;

import java.time.Instant;
import org.paperindex.model.Source;

/** A rejected record kept in the store's quarantine for operators to inspect, fix and release. */
public record QuarantineEntry(
    String key, String identifier, String reason, String raw, Source source, Instant time) {}
