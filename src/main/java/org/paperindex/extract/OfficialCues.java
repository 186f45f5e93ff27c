package org.paperindex.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperindex.extract.ExtractedLink.Kind;

/**
 * Decides from the wording around a link whether it is the paper's own release ("our code is
 * available at") or a third-party resource ("we use the X dataset", "based on"): the cue nearest
 * to the link inside its sentence wins.
 */
final class OfficialCues {

  private static final String AVAILABLE =
      "(?:made\\s+)?(?:publicly\\s+|freely\\s+|openly\\s+|also\\s+)?"
          + "(?:available|released|accessible|provided|hosted|open[- ]?sourced|found|shared|published|"
          + "downloadable|obtainable)";

  // wording that says "ours": beats any third-party cue that is farther from the link
  private static final List<Pattern> STRONG = compile(
      "\\bour\\s+(?:\\w+[\\s-]+){0,3}?(?:code|codes|codebase|implementation|data|dataset|datasets|"
          + "benchmark|models?|weights|software|package|library|toolkit|tool|framework|repository|"
          + "repo|project|website|page|demo|checkpoints?|pipeline|scripts|materials|catalogu?e?s?|"
          + "results|simulations?|notebooks?|encoder|method|system|approach|agent|solver|"
          + "algorithm|extension|collection|corpus|analysis|sample)\\b",
      // an adverb may sit between: "we continuously curate", "we also publicly release"
      "\\bwe\\s+(?:(?:also|\\w+ly)\\s+){0,2}(?:release|make|provide|"
          + "open[- ]?source|share|publish|present|introduce|develop|construct|build|create|"
          + "propose|curate|collect|contribute|describe)",
      "\\brelease[sd]?\\s+(?:ours|our|it|them|all)\\b",
      "\\b(?:project|code|demo)\\s+(?:page|website|homepage)\\b",
      "\\bcode\\s+and\\s+(?:data|models?|datasets?)\\b",
      "\\bthis\\s+(?:paper|work|study|article)\\b");

  // wording that says "available here": only decides when no third-party cue is around
  private static final List<Pattern> WEAK = compile(
      "\\b(?:code|codes|codebase|implementation|source|data|dataset|datasets|benchmark|models?|"
          + "weights|software|package|library|toolkit|tool|framework|repository|repo|materials|"
          + "resources|scripts|artifacts?|demo|website|page|checkpoints?|catalogu?e?s?|notebooks?)"
          + "\\b[^.;]{0,60}?\\b(?:is|are|will\\s+be|would\\s+be|has\\s+been|have\\s+been|can\\s+be)"
          + "\\s+(?:" + AVAILABLE + "|in|at|on)\\b",
      "\\b(?:available|released|accessible|hosted|open[- ]?sourced|deposited|archived|distributed)"
          + "\\s+(?:at|on|in|from|via|under|through)\\b",
      "\\b(?:project|code|github|data|dataset|software|website|homepage|demo|models?|weights|"
          + "repo|repository|page|implementation|benchmark|codes|sources?|package|toolbox|tool|"
          + "artifacts?|materials|resources)\\s*(?:page|website|homepage|and\\s+data|and\\s+models?|"
          + "availability)?\\s*(?:is\\s+)?(?:at|:)",
      // "The link of code is <url>": an artefact named as the subject right before the link
      "\\b(?:code|codes|codebase|implementation|data|dataset|datasets|repository|repo)\\b[^.;]{0,20}?"
          + "\\s(?:is|are)\\s*$",
      // a short label naming the artefact, ended by a colon or dash right before the link
      // ("Dataset access - DOI: <doi>", "(Github link - <url>)")
      "\\b(?:code|codes|github|data|dataset|datasets|software|repository|repo|implementation|models?|"
          + "weights|benchmark)\\b[^.;:()]{0,25}?(?::|\\s[-\u2013])\\s*[(\\[]?\\s*$",
      "\\bcan\\s+be\\s+(?:found|accessed|downloaded|obtained|reproduced)\\b",
      "\\b(?:is|are)\\s+(?:publicly\\s+|freely\\s+)?available\\b",
      "\\bopen[- ]?source[ds]?\\b",
      "\\bimplementation\\s+is\\s+at\\b");

  private static final List<Pattern> NEGATIVE = compile(
      "\\bwe\\s+(?:use|used|employ|employed|adopt|adopted|utili[sz]e|utili[sz]ed|leverage|"
          + "follow|followed|build\\s+on|built\\s+on|rely\\s+on|evaluate\\s+on|test\\s+on|"
          + "experiment\\s+on|train\\s+on|download|downloaded)\\b",
      "\\b(?:we|they)\\s+(?:use|used|employ|employed|adopt|adopted|utili[sz]e|utili[sz]ed|leverage)"
          + "\\s+(?:\\w+[\\s-]+){0,4}?(?:dataset|datasets|data|code|tool|library|package|software|"
          + "models?|benchmark|catalogu?e|simulations?|implementation)\\b",
      "\\b(?:using|with)\\s+the\\s+(?:\\w+[\\s-]+){0,3}?(?:dataset|data|code|tool|library|"
          + "package|software|model|benchmark)\\b",
      "\\bbased\\s+on\\b",
      "\\b(?:builds?|built|relies|rely|relying|building)\\s+(?:up)?on\\b",
      // "code of X" is someone's code, unless the sentence goes on to say it is available
      // ("The source code of <our method> is available at")
      "\\b(?:code|implementation|data|dataset|models?)\\s+(?:of(?![^.;]{1,40}?\\b(?:is|are|will\\s+be|"
          + "has\\s+been)\\s+(?:made\\s+)?(?:publicly\\s+|freely\\s+|openly\\s+)?(?:available|released|"
          + "accessible|open[- ]?sourced|provided|hosted)\\b)|from|by)\\b",
      "\\bfollowing\\b(?!\\s+(?:link|url|address|website|repository|page|github|site))",
      "\\bbaselines?\\b",
      "\\b(?:provided|obtained|taken|downloaded|borrowed|adapted|collected|retrieved|sourced|"
          + "drawn|derived)\\s+(?:by|from)\\b",
      "\\bwhich\\s+(?:is|are)\\s+(?:publicly\\s+|freely\\s+)?available\\b",
      "\\bet\\s+al\\b",
      "(?<!our\\s)\\b(?:existing|previous|prior|third[- ]party|off[- ]the[- ]shelf|popular|standard|public)"
          + "\\s+(?:\\w+\\s+){0,2}?(?:datasets?|benchmarks?|code|codes|tools?|libraries|library|"
          + "packages?|implementations?|models?|software)\\b",
      "\\bcompared?\\s+(?:to|with|against)\\b",
      "\\bsuch\\s+as\\b",
      "\\bcourtesy\\b",
      // where the paper appears ("accepted at ICML", "published in"); it does not speak for a link
      // when an artefact word comes between it and the link ("Accepted at X, code available at:")
      // or when the words are "publication available at"
      "(?s)\\b(?:publication|published|accepted|appear|appears|journal|proceedings|version)\\b"
          + "(?:(?!\\bavailable\\b)[^.;]){0,30}\\b(?:in|at|by|via)\\b"
          + "(?!.*\\b(?:code|codes|data|dataset|datasets|software|implementation)\\b)",
      "(?<!available\\s)(?<!accessible\\s)(?<!released\\s)\\bfrom\\s*[(\\[]?\\s*$");

  // words in a Comments entry that make a link there the authors' own
  private static final Pattern COMMENT_WORDS = Pattern.compile(
      "\\b(?:code|codes|data|dataset|datasets|github|repository|repo|implementation|software|"
          + "project|website|page|benchmark|models?|available|release[ds]?|demo|catalogu?e?s?)\\b");

  private static final Pattern CLAUSE = Pattern.compile("\\s(?:and|but|while|whereas)\\s");

  private static final int WINDOW = 400;

  private OfficialCues() {}

  /**
   * True when the cue nearest to {@code text[start,end)} in its sentence says "ours".
   * {@code comments} relaxes the rule: links in the Comments field are the authors' unless
   * wording says otherwise.
   */
  static boolean official(String text, int start, int end, Kind kind, boolean comments) {
    int from = sentenceStart(text, start);
    int to = sentenceEnd(text, end);
    // the link itself is masked so words inside URLs ("code", "data") are not cues
    String before = text.substring(from, start).toLowerCase(Locale.ROOT);
    String after = text.substring(end, to).toLowerCase(Locale.ROOT);
    // wording after the next link belongs to that link
    int next = nextLink(after);
    if (next >= 0) {
      after = after.substring(0, next);
    }
    // "... (url) and release our code": a new clause after the link speaks about something else
    Matcher clause = CLAUSE.matcher(after);
    if (clause.find()) {
      after = after.substring(0, clause.start());
    }
    // a third-party cue before an earlier link belongs to that link
    int prev = previousLink(before);
    String negBefore = prev < 0 ? before : before.substring(prev);
    int strong = nearest(STRONG, before, after);
    int neg = nearest(NEGATIVE, negBefore, after);
    if (strong < neg) {
      return true;
    }
    if (neg < Integer.MAX_VALUE) {
      return false;
    }
    if (nearest(WEAK, before, after) < Integer.MAX_VALUE) {
      return true;
    }
    if (comments) {
      return kind != Kind.OTHER || COMMENT_WORDS.matcher(before + " " + after).find();
    }
    // a repository or data link standing alone as the abstract's last "sentence"
    return kind != Kind.OTHER && before.isBlank() && after.isBlank();
  }

  // wording right before a repository DOI saying the record is this paper itself (a deposited
  // copy or an earlier version), not data or code released with it
  private static final Pattern PAPER_ITSELF = Pattern.compile(
      "\\b(?:previously\\s+(?:published|posted|released|archived|deposited)|"
          + "(?:previous|earlier|first|original)\\s+version|canonical|preprint|version\\s+of\\s+record|"
          + "also\\s+(?:available|published|archived|deposited|posted)\\s+(?:on|at|in|via|from)|"
          + "this\\s+(?:paper|article|manuscript|preprint)\\s+(?:is\\s+)?(?:also\\s+)?"
          + "(?:available|published|archived|deposited))\\b");
  private static final Pattern EARLIER_LINK =
      Pattern.compile("(?:https?://|www\\.|\\b10\\.\\d{4,9}/)\\S*");
  private static final Pattern RELEASE_WORDS = Pattern.compile(
      "\\b(?:data|dataset|datasets|code|codes|software|scripts?|tables?|notebooks?|companion|"
          + "materials?|supplement\\w*|supplementary|results|catalogu?e?s?|models?|weights|"
          + "simulations?|outputs?|benchmarks?|figures|images|videos?|movies|animations)\\b");

  /**
   * True when the words just before a repository record say it is the paper itself ("previously
   * published on Zenodo:", "also available on Zenodo: DOI", "canonical preprint-of-record at")
   * and no word in that stretch names data or code.
   */
  static boolean paperItself(String text, int start) {
    int from = Math.max(sentenceStart(text, start), start - 100);
    String before = text.substring(from, start).toLowerCase(Locale.ROOT);
    // wording before an earlier URL or DOI belongs to that one (host names as words do not count:
    // "on Zenodo: doi:..." names the host of this very link)
    Matcher earlier = EARLIER_LINK.matcher(before);
    int cut = -1;
    while (earlier.find()) {
      cut = earlier.end();
    }
    if (cut >= 0) {
      before = before.substring(cut);
    }
    return PAPER_ITSELF.matcher(before).find() && !RELEASE_WORDS.matcher(before).find();
  }

  /** True when "project page", "website" or "homepage" is said right before the link. */
  static boolean projectWords(String text, int start) {
    int from = Math.max(sentenceStart(text, start), start - 80);
    String before = text.substring(from, start).toLowerCase(Locale.ROOT);
    return before.matches("(?s).*\\b(?:project\\s+(?:page|website|homepage|site)|website|homepage|"
        + "web\\s*page|demo\\s+page|demos?)\\b[^.;]{0,40}$");
  }

  // distance in characters from the link to the nearest match; cues after it count double
  private static int nearest(List<Pattern> cues, String before, String after) {
    int best = Integer.MAX_VALUE;
    for (Pattern p : cues) {
      Matcher m = p.matcher(before);
      while (m.find()) {
        best = Math.min(best, before.length() - m.end());
      }
      m = p.matcher(after);
      if (m.find()) {
        best = Math.min(best, 2 * m.start() + 1);
      }
    }
    return best;
  }

  private static int previousLink(String before) {
    int best = -1;
    for (String m : new String[] {"http", "www.", "github.com", "zenodo", "10.5281"}) {
      int i = before.lastIndexOf(m);
      if (i >= 0) {
        // skip to the end of that link's token
        int e = i;
        while (e < before.length() && !Character.isWhitespace(before.charAt(e))) {
          e++;
        }
        best = Math.max(best, e);
      }
    }
    return best;
  }

  private static int nextLink(String after) {
    int best = -1;
    for (String m : new String[] {"http", "www.", "github.com", "zenodo", "10.5281"}) {
      int i = after.indexOf(m);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  static int sentenceStart(String text, int start) {
    int limit = Math.max(0, start - WINDOW);
    for (int i = start - 1; i > limit; i--) {
      char c = text.charAt(i);
      if (c == '\n' && i > 0 && text.charAt(i - 1) == '\n') {
        return i + 1;
      }
      if ((c == '.' || c == '!' || c == '?' || c == ';') && i + 1 < start
          && Character.isWhitespace(text.charAt(i + 1)) && !abbreviation(text, i)) {
        return i + 1;
      }
    }
    return limit;
  }

  static int sentenceEnd(String text, int end) {
    int limit = Math.min(text.length(), end + WINDOW);
    for (int i = end; i < limit; i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?' || c == ';')
          && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)))
          && !abbreviation(text, i)) {
        return i;
      }
    }
    return limit;
  }

  // "e.g.", "i.e.", "et al.", "Fig." do not end a sentence
  private static boolean abbreviation(String text, int dot) {
    int w = dot;
    while (w > 0 && Character.isLetter(text.charAt(w - 1))) {
      w--;
    }
    String word = text.substring(w, dot).toLowerCase(Locale.ROOT);
    return word.length() == 1 || word.equals("al") || word.equals("fig") || word.equals("eq")
        || word.equals("ref") || word.equals("vs") || word.equals("cf") || word.equals("resp");
  }

  private static List<Pattern> compile(String... regexes) {
    return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
  }
}
