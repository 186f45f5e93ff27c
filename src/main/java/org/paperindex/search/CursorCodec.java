package org.paperindex.search;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import org.paperindex.model.ArxivId;

/**
 * Encodes the sort values of the last hit of a page (the sort key, then the paper id as
 * tie-breaker) as an opaque URL-safe token, and decodes it back into a search-after position.
 *
 * <p>Layout: version byte, sort ordinal, hash of the request's result key, the key (float score
 * or long epoch day), the id (length-prefixed UTF-8), CRC32 of all of it. The checksum catches
 * damage and casual tampering; the hash refuses a cursor reused with other query or filters.
 * Ids rather than Lucene doc ids make the position survive refreshes and merges.
 */
final class CursorCodec {

  private static final byte VERSION = 1;
  private static final int MAX_TOKEN = 200;

  private CursorCodec() {}

  /** The token for the position after {@code last}, a hit of a search sorted by {@code sort}. */
  static String encode(SearchRequest req, SortOrder sort, FieldDoc last) {
    byte[] id = ((BytesRef) last.fields[1]).utf8ToString().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(1 + 1 + 4 + 8 + 2 + id.length + 4);
    b.put(VERSION).put((byte) sort.ordinal()).putInt(req.resultKey().hashCode());
    if (sort == SortOrder.RELEVANCE) {
      b.putLong(Float.floatToIntBits((Float) last.fields[0]));
    } else {
      b.putLong((Long) last.fields[0]);
    }
    b.putShort((short) id.length).put(id);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /** The search-after position in a token; {@link BadQueryException} when it is not valid here. */
  static FieldDoc decode(String token, SearchRequest req, SortOrder sort) {
    if (token.length() > MAX_TOKEN) {
      throw bad("it is too long");
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw bad("it is not URL-safe base64");
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(raw);
      CRC32 crc = new CRC32();
      if (raw.length < 4) {
        throw bad("it is truncated");
      }
      crc.update(raw, 0, raw.length - 4);
      if ((int) crc.getValue() != ByteBuffer.wrap(raw, raw.length - 4, 4).getInt()) {
        throw bad("it is damaged or was altered");
      }
      if (b.get() != VERSION) {
        throw bad("it comes from another version of the service");
      }
      int ordinal = b.get();
      if (ordinal != sort.ordinal()) {
        throw new BadQueryException("cursor was made for another sort; repeat the request with "
            + "the sort it was made for, or start again without cursor");
      }
      if (b.getInt() != req.resultKey().hashCode()) {
        throw new BadQueryException("cursor belongs to another query or other filters; start "
            + "again without cursor");
      }
      long key = b.getLong();
      byte[] id = new byte[b.getShort()];
      b.get(id);
      if (b.remaining() != 4) {
        throw bad("it has trailing bytes");
      }
      String s = new String(id, StandardCharsets.UTF_8);
      if (ArxivId.tryParse(s).filter(x -> x.value().equals(s)).isEmpty()) {
        throw bad("it names no paper");
      }
      Object first = sort == SortOrder.RELEVANCE ? (Object) Float.intBitsToFloat((int) key) : key;
      float score = sort == SortOrder.RELEVANCE ? (Float) first : Float.NaN;
      // doc MAX_VALUE: on equal sort values (only the paper itself), everything was seen
      return new FieldDoc(Integer.MAX_VALUE, score, new Object[] {first, new BytesRef(s)});
    } catch (BufferUnderflowException | NegativeArraySizeException e) {
      throw bad("it is truncated");
    }
  }

  private static BadQueryException bad(String why) {
    return new BadQueryException("invalid cursor: " + why + "; use nextCursor exactly as returned");
  }
}
