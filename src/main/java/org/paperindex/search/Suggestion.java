package org.paperindex.search;

/**
 * One autocomplete suggestion: the text, its kind ({@code title} or {@code author}), the paper id
 * for titles (null for authors), and the text HTML-escaped with the matched prefixes in
 * {@code <mark>}.
 */
public record Suggestion(String text, String kind, String id, String highlight) {}
