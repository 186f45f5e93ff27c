package org.paperindex.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.paperindex.extract.ExtractedLink.Kind;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;

/**
 * Finds code, dataset and project links in arXiv free text (abstracts, comments): plain,
 * scheme-less, &#92;url{}  and {@code \href{}{}} URLs and bare data DOIs, rejoined across
 * arXiv's line wraps, normalised, classified and marked official when the wording says so.
 *
 * <p>Work is per whitespace-separated token with bounded look-around, so hostile input costs
 * linear time; it never throws.
 */
public final class LinkExtractor {

  // longer "tokens" are binary noise or pasted data, not URLs
  private static final int MAX_TOKEN = 2048;
  // a paper has a handful of links; more than this is hostile or generated text
  private static final int MAX_LINKS = 200;

  // host names recognised without a scheme ("github.com/user/repo")
  private static final List<String> BARE_HOSTS = List.of(
      "github.com", "github.io", "gitlab.com", "bitbucket.org", "codeberg.org", "gitee.com",
      "sourceforge.net", "huggingface.co", "zenodo.org", "figshare.com", "kaggle.com", "osf.io",
      "datadryad.org", "physionet.org", "data.mendeley.com", "dataverse.harvard.edu",
      "sites.google.com");
  private static final Set<String> OWNER_HOSTS =
      Set.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "huggingface.co");
  private static final Set<String> STOPWORDS = Set.of(
      "and", "or", "the", "for", "with", "which", "to", "in", "on", "as", "is", "are", "we", "a",
      "an", "of", "at", "by", "under", "where", "that", "this", "our", "also", "see", "from");
  private static final Pattern URL_CHARS = Pattern.compile("[A-Za-z0-9._~%/=?&#+:@!$*,;()-]+");
  private static final Pattern REPO_NAME = Pattern.compile("[A-Za-z0-9._-]+(?:/\\S*)?");
  private static final Pattern DOI_START = Pattern.compile("10\\.\\d{4,9}/[^/\\s]");
  private static final String STOP_CHARS = "<>\"{}|\\^`'";
  private static final String TRAILING = ".,;:!?'\"}>*";

  /** Links in {@code text} (an abstract), attributed to {@code source}. */
  public List<ExtractedLink> extract(String text, Source source) {
    return extract(text, source, false);
  }

  /**
   * Links in {@code text}; {@code comments} marks the arXiv Comments field, where a repository
   * or data link is the authors' own unless the wording says otherwise.
   */
  public List<ExtractedLink> extract(String text, Source source, boolean comments) {
    Map<String, ExtractedLink> found = new LinkedHashMap<>();
    collect(text, source, comments, found);
    return List.copyOf(found.values());
  }

  /** Links in a paper's abstract and comments, attributed to the first of its sources. */
  public List<ExtractedLink> extract(Paper paper) {
    Source source = paper.sources().stream().sorted().findFirst().orElse(null);
    return extract(paper, source);
  }

  /** Links in a paper's abstract and comments, attributed to {@code source}. */
  public List<ExtractedLink> extract(Paper paper, Source source) {
    Map<String, ExtractedLink> found = new LinkedHashMap<>();
    collect(paper.abstractText(), source, false, found);
    collect(paper.comments(), source, true, found);
    return List.copyOf(found.values());
  }

  private void collect(String raw, Source source, boolean comments, Map<String, ExtractedLink> acc) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    try {
      String text = unescape(raw);
      List<int[]> tokens = tokens(text);
      int count = 0;
      for (int t = 0; t < tokens.size() && count < MAX_LINKS; t++) {
        int[] tok = tokens.get(t);
        if (tok[1] - tok[0] > MAX_TOKEN) {
          continue;
        }
        for (int start : starts(text, tok[0], tok[1])) {
          if (count++ >= MAX_LINKS) {
            break;
          }
          t = candidate(text, tokens, t, start, source, comments, acc);
        }
      }
    } catch (RuntimeException e) {
      // text extraction is best effort: a bug on odd input must not stop a harvest
    }
  }

  // one candidate starting at start inside token t; returns the index of the last token used
  private int candidate(String text, List<int[]> tokens, int t, int start, Source source,
      boolean comments, Map<String, ExtractedLink> acc) {
    int[] tok = tokens.get(t);
    int end = stop(text, start, tok[1]);
    StringBuilder url = new StringBuilder(text.substring(start, end));
    int last = t;
    // arXiv hard-wraps at ~80 columns: glue the next token when it clearly continues the URL
    while (end == tokens.get(last)[1] && last + 1 < tokens.size() && url.length() < MAX_TOKEN) {
      int[] next = tokens.get(last + 1);
      boolean newline = text.substring(tokens.get(last)[1], next[0]).indexOf('\n') >= 0;
      int nextEnd = stop(text, next[0], next[1]);
      String cont = text.substring(next[0], nextEnd);
      if (nextEnd - next[0] > MAX_TOKEN || !continues(url.toString(), cont, newline)) {
        break;
      }
      url.append(cont);
      last++;
      end = nextEnd;
    }
    String clean = trim(url.toString());
    Optional<UrlNormalizer.Normalized> norm = UrlNormalizer.normalize(clean);
    if (norm.isEmpty()) {
      return t;
    }
    UrlNormalizer.Normalized n = norm.get();
    Kind kind = n.kind();
    if (kind == Kind.OTHER && OfficialCues.projectWords(text, start)) {
      kind = Kind.PROJECT;
    } else if (kind == Kind.DATASET && OfficialCues.paperItself(text, start)) {
      kind = Kind.OTHER; // the paper's own deposited copy: a link, but not a data set
    }
    // the wording after the link starts after the punctuation trim() removed
    int linkEnd = Math.max(start, end - (url.length() - clean.length()));
    boolean official = OfficialCues.official(text, start, linkEnd, kind, comments);
    ExtractedLink link = new ExtractedLink(n.url(), n.host(), kind, official, source);
    String key = kind == Kind.CODE ? n.url().toLowerCase(Locale.ROOT) : n.url();
    acc.merge(key, link, (a, b) -> a.official() ? a : a.withOfficial(b.official()));
    return last;
  }

  /** Should {@code next} (the following token) be appended to {@code url}? */
  static boolean continues(String url, String next, boolean newline) {
    String lower = next.toLowerCase(Locale.ROOT);
    if (next.isEmpty() || lower.startsWith("http") || lower.startsWith("www.")) {
      return false;
    }
    if (url.endsWith("://")) {
      return true;
    }
    String core = stripTrailing(next);
    if (core.isEmpty() || !URL_CHARS.matcher(core).matches()) {
      return false;
    }
    char last = url.charAt(url.length() - 1);
    char first = core.charAt(0);
    if ("-_=&?%".indexOf(last) >= 0) {
      return Character.isLetterOrDigit(first);
    }
    if (last == '/') {
      if (ownerOnly(url)) {
        // github.com/owner/ then the repository name
        return REPO_NAME.matcher(core).matches() && !STOPWORDS.contains(core.toLowerCase(Locale.ROOT));
      }
      return newline && Character.isLetterOrDigit(first) && core.matches(".*(?:[/_=.?]|\\d).*");
    }
    return newline && first == '/' && core.length() > 1;
  }

  private static boolean ownerOnly(String url) {
    String u = url.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
    int slash = u.indexOf('/');
    if (slash < 0 || !OWNER_HOSTS.contains(u.substring(0, slash).toLowerCase(Locale.ROOT))) {
      return false;
    }
    String path = u.substring(slash + 1);
    if (path.startsWith("datasets/") || path.startsWith("spaces/")) {
      path = path.substring(path.indexOf('/') + 1);
    }
    return path.indexOf('/') == path.length() - 1 && path.length() > 1;
  }

  /** Strips trailing punctuation and TeX remains; a ')' or ']' stays when it is balanced. */
  static String trim(String url) {
    String s = url;
    while (!s.isEmpty()) {
      char c = s.charAt(s.length() - 1);
      if (TRAILING.indexOf(c) >= 0) {
        s = s.substring(0, s.length() - 1);
      } else if (c == ')' || c == ']') {
        char open = c == ')' ? '(' : '[';
        if (count(s, open) >= count(s, c)) {
          break;
        }
        s = s.substring(0, s.length() - 1);
      } else {
        break;
      }
    }
    return s;
  }

  private static String stripTrailing(String s) {
    String t = trim(s);
    while (t.endsWith(")") || t.endsWith("]")) {
      t = t.substring(0, t.length() - 1);
    }
    return trim(t);
  }

  private static int count(String s, char c) {
    int k = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        k++;
      }
    }
    return k;
  }

  // TeX escapes that occur inside URLs (\_ \% \# \& \~); same length is not needed later
  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && "_%#&~".indexOf(s.charAt(i + 1)) >= 0) {
        continue;
      }
      b.append(c);
    }
    return b.toString();
  }

  private static List<int[]> tokens(String text) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > s) {
        out.add(new int[] {s, i});
      }
    }
    return out;
  }

  // where URLs start inside one token: every scheme, else www., a known host or a DOI
  private static List<Integer> starts(String text, int from, int to) {
    String tok = text.substring(from, to).toLowerCase(Locale.ROOT);
    List<Integer> out = new ArrayList<>();
    int i = 0;
    while ((i = tok.indexOf("://", i)) >= 0) {
      int s = i;
      while (s > 0 && Character.isLetter(tok.charAt(s - 1))) {
        s--;
      }
      if (s < i) {
        out.add(from + s);
      }
      i += 3;
    }
    if (!out.isEmpty()) {
      return out;
    }
    int w = tok.indexOf("www.");
    if (w >= 0 && (w == 0 || !Character.isLetterOrDigit(tok.charAt(w - 1)))) {
      return List.of(from + w);
    }
    for (String host : BARE_HOSTS) {
      int h = tok.indexOf(host);
      if (h >= 0) {
        int s = h;
        while (s > 0 && (Character.isLetterOrDigit(tok.charAt(s - 1)) || tok.charAt(s - 1) == '.'
            || tok.charAt(s - 1) == '-')) {
          s--;
        }
        int after = h + host.length();
        boolean ends = after == tok.length() || "/:.,;)]}'\"".indexOf(tok.charAt(after)) >= 0;
        if (ends && (s == 0 || tok.charAt(s - 1) != '@') && !host.equals("doi.org")) {
          return List.of(from + s);
        }
      }
    }
    int d = tok.indexOf("10.");
    while (d >= 0) {
      if ((d == 0 || !Character.isLetterOrDigit(tok.charAt(d - 1)) && tok.charAt(d - 1) != '.')
          && DOI_START.matcher(tok).region(d, tok.length()).lookingAt()) {
        return List.of(from + d);
      }
      d = tok.indexOf("10.", d + 1);
    }
    return out;
  }

  // a URL ends at a character that cannot be part of it or at the next URL's scheme
  private static int stop(String text, int start, int tokenEnd) {
    int i = start;
    boolean sawScheme = false;
    while (i < tokenEnd) {
      char c = text.charAt(i);
      if (STOP_CHARS.indexOf(c) >= 0) {
        return i;
      }
      if (c == ':' && text.startsWith("://", i)) {
        if (sawScheme) {
          int s = i;
          while (s > start && Character.isLetter(text.charAt(s - 1))) {
            s--;
          }
          return s;
        }
        sawScheme = true;
      }
      i++;
    }
    return i;
  }
}
