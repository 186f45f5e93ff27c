package org.paperindex.api;

/** The body of every API error: {@code {"error": "...", "status": N}}. */
public record ErrorView(String error, int status) {}
