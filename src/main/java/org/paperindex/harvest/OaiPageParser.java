package org.paperindex.harvest;

import java.io.InputStream;
import org.paperindex.parse.FormatException;
import org.paperindex.parse.OaiPage;

/**
 * The seam to the OAI-PMH XML parser: {@code org.paperindex.parse.OaiPmhParser::parse} fits as a
 * method reference. Throws {@link FormatException} for a page that is not a well-formed OAI-PMH
 * document (the harvester then re-fetches it); bad single records belong in {@link OaiPage#rejected()}.
 */
@FunctionalInterface
public interface OaiPageParser {
  OaiPage parse(InputStream in) throws FormatException;
}
