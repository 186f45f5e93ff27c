package org.paperindex.extract;

/**
 * A ROR institution matched to an affiliation string.
 *
 * @param rorId       full ROR id URL, e.g. {@code https://ror.org/052gg0110}
 * @param name        the ROR display name
 * @param countryCode ISO 3166 alpha-2 country code (may be empty)
 * @param countryName country name (may be empty)
 * @param score       confidence in [0, 1]; higher is better
 */
public record InstitutionMatch(String rorId, String name, String countryCode, String countryName,
    double score) {
}
