package org.paperindex.extract;

import java.util.List;

/**
 * One organisation of the ROR registry in compact form.
 *
 * @param id          the full ROR id URL, e.g. {@code https://ror.org/052gg0110}
 * @param name        the display name
 * @param names       every name (labels in all languages, aliases, acronyms), display name first
 * @param nameKinds   kind of each entry of {@code names}, one of the {@code KIND_*} constants
 * @param countryCode ISO 3166 alpha-2 code, upper case, or "" when unknown
 * @param countryName country name or ""
 * @param city        city of the first location or ""
 * @param active      false for inactive records (withdrawn ones are never loaded)
 * @param types       ROR types, lower case (education, healthcare, company, ...)
 * @param parents     ROR ids of parent organisations
 * @param domains     web domains
 * @param schemaV2    whether the record came from a schema v2 dump
 * @param standing    how established the record is in the registry: its relationships, its
 *                    external ids, and 2 more when it is a funder; breaks ties between
 *                    same-named records
 */
public record RorRecord(String id, String name, List<String> names, byte[] nameKinds,
    String countryCode, String countryName, String city, boolean active, List<String> types,
    List<String> parents, List<String> domains, boolean schemaV2, int standing) {

  /** The display name. */
  public static final byte KIND_DISPLAY = 0;
  /** Another label (often another language). */
  public static final byte KIND_LABEL = 1;
  /** Alias (alternative name). */
  public static final byte KIND_ALIAS = 2;
  /** Acronym. */
  public static final byte KIND_ACRONYM = 3;
}
