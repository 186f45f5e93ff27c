package org.paperindex.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperindex.extract.ExtractedLink.Kind;

/**
 * Normalises one cleaned URL candidate (https, lower-case host without {@code www.}, no fragment,
 * no tracking parameters, repository root for code hosts) and classifies it by host and path.
 */
final class UrlNormalizer {

  /** A normalised URL and the kind its host and path imply. */
  record Normalized(String url, String host, Kind kind) {}

  private static final Pattern BARE_DOI = Pattern.compile("(?i)^(?:doi:\\s*)?(10\\.\\d{4,9}/\\S+)$");
  private static final Pattern DOI_PATH = Pattern.compile("^/(10\\.\\d{4,9})/(.+)$");
  private static final Pattern TRACKING =
      Pattern.compile("(?i)^(?:utm_[a-z_]*|fbclid|gclid|mc_cid|mc_eid|ref_src)(?:=.*)?$");

  // DOI registrant prefixes of data repositories: Zenodo, figshare, Mendeley Data, PhysioNet,
  // Dataverse, OSF, Dryad, and the astronomy data centres China-VO PaperData (10.12149) and
  // CADC/CANFAR (10.11570), and Hugging Face (10.57967), whose DOIs real abstracts give for
  // catalogues and data sets (AASTeX \dataset[...]{https://doi.org/...})
  private static final Set<String> DATA_DOI_PREFIXES = Set.of(
      "10.5281", "10.6084", "10.17632", "10.13026", "10.7910", "10.17605", "10.5061",
      "10.12149", "10.11570", "10.57967");
  private static final Set<String> GIT_HOSTS =
      Set.of("github.com", "bitbucket.org", "codeberg.org", "gitee.com");
  // first path segments on git hosts that are site pages, not users
  private static final Set<String> GIT_RESERVED = Set.of(
      "about", "features", "topics", "marketplace", "sponsors", "settings", "login", "pricing",
      "collections", "trending", "explore", "search", "site", "apps", "enterprise", "join");
  private static final Set<String> HF_RESERVED = Set.of(
      "docs", "papers", "blog", "collections", "organizations", "models", "learn", "tasks",
      "pricing", "login", "join", "settings", "posts", "chat");

  private UrlNormalizer() {}

  /** Empty when the candidate is not a usable URL or is a link to ignore (arXiv, publisher DOI). */
  static Optional<Normalized> normalize(String candidate) {
    String raw = candidate;
    Matcher doi = BARE_DOI.matcher(raw);
    if (doi.matches()) {
      raw = "https://doi.org/" + doi.group(1);
    } else if (!raw.regionMatches(true, 0, "http://", 0, 7)
        && !raw.regionMatches(true, 0, "https://", 0, 8)) {
      if (raw.contains("://")) {
        return Optional.empty(); // ftp:// and friends are not links a reader follows here
      }
      raw = "https://" + raw;
    }
    URI uri = parse(raw);
    if (uri == null || uri.getHost() == null) {
      return Optional.empty();
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    if (host.indexOf('.') < 0 || host.endsWith(".")) {
      return Optional.empty();
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    path = path.replaceAll("/+$", "");
    if (path.endsWith(".git")) {
      path = path.substring(0, path.length() - 4);
    }
    String query = cleanQuery(uri.getRawQuery());
    if (host.equals("dx.doi.org")) {
      host = "doi.org";
    }
    if (isArxiv(host)) {
      return Optional.empty();
    }
    List<String> seg = segments(path);
    Kind kind;
    if (host.equals("doi.org")) {
      Matcher m = DOI_PATH.matcher(path);
      if (!m.matches() || !DATA_DOI_PREFIXES.contains(m.group(1))) {
        return Optional.empty(); // publisher and arXiv DOIs are the paper itself, not artefacts
      }
      kind = Kind.DATASET;
      query = null;
      path = "/" + m.group(1) + "/" + m.group(2).toLowerCase(Locale.ROOT);
    } else if (GIT_HOSTS.contains(host) || isGitlab(host)) {
      if (seg.isEmpty() || GIT_RESERVED.contains(seg.get(0).toLowerCase(Locale.ROOT))) {
        kind = Kind.OTHER;
      } else if (seg.size() == 1 || (seg.size() == 2 && seg.get(0).equals("orgs"))) {
        kind = Kind.PROJECT; // a user or organisation page, not one repository
      } else {
        kind = Kind.CODE;
        path = repoRoot(host, seg);
        query = null;
      }
    } else if (host.equals("gist.github.com") || host.equals("anonymous.4open.science")
        || host.equals("codeocean.com") || host.equals("colab.research.google.com")) {
      kind = seg.isEmpty() ? Kind.OTHER : Kind.CODE;
      if (host.equals("anonymous.4open.science") && seg.size() > 2 && seg.get(0).equals("r")) {
        path = "/r/" + seg.get(1); // files inside an anonymised repository: the repository
      } else if (host.equals("codeocean.com") && seg.size() > 2 && seg.get(0).equals("capsule")) {
        path = "/capsule/" + seg.get(1); // a capsule's sub-pages are the same capsule
      }
    } else if (host.endsWith(".github.io") || host.endsWith(".gitlab.io")
        || host.equals("sites.google.com") || host.endsWith(".readthedocs.io")) {
      kind = Kind.PROJECT;
    } else if (host.equals("sourceforge.net")) {
      kind = seg.size() >= 2 && seg.get(0).equals("projects") ? Kind.CODE : Kind.OTHER;
      if (kind == Kind.CODE) {
        path = "/projects/" + seg.get(1);
      }
    } else if (host.equals("huggingface.co") || host.equals("hf.co")) {
      host = "huggingface.co";
      kind = huggingFace(seg);
      if (kind == Kind.DATASET || kind == Kind.CODE) {
        int keep = seg.get(0).equals("datasets") || seg.get(0).equals("spaces") ? 3 : 2;
        path = "/" + String.join("/", seg.subList(0, Math.min(keep, seg.size())));
        query = null;
      }
    } else if (host.equals("kaggle.com")) {
      kind = seg.size() >= 2 && (seg.get(0).equals("datasets") || seg.get(0).equals("competitions")
          || seg.get(0).equals("c")) ? Kind.DATASET : Kind.OTHER;
    } else if (host.equals("zenodo.org")) {
      kind = seg.isEmpty() ? Kind.OTHER : Kind.DATASET; // the bare site names no record
      if (seg.size() >= 2 && seg.get(0).equals("record")) {
        path = "/records/" + seg.get(1); // the old and new record paths are the same record
      }
    } else if (isDataHost(host)) {
      kind = Kind.DATASET;
    } else {
      kind = Kind.OTHER;
    }
    String url = "https://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path
        + (query == null ? "" : "?" + query);
    return Optional.of(new Normalized(url, host, kind));
  }

  private static URI parse(String raw) {
    try {
      return new URI(raw);
    } catch (URISyntaxException e) {
      // characters such as | or ^ are common in pasted URLs: let URI quote them
      int scheme = raw.indexOf("://") + 3;
      int slash = raw.indexOf('/', scheme);
      String authority = slash < 0 ? raw.substring(scheme) : raw.substring(scheme, slash);
      String rest = slash < 0 ? "" : raw.substring(slash);
      int hash = rest.indexOf('#');
      if (hash >= 0) {
        rest = rest.substring(0, hash);
      }
      int q = rest.indexOf('?');
      String path = q < 0 ? rest : rest.substring(0, q);
      String query = q < 0 ? null : rest.substring(q + 1);
      try {
        return new URI("https", authority, path.isEmpty() ? null : path, query, null);
      } catch (URISyntaxException | IllegalArgumentException again) {
        return null;
      }
    }
  }

  private static String cleanQuery(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String p : query.split("&")) {
      if (!p.isEmpty() && !TRACKING.matcher(p).matches()) {
        kept.add(p);
      }
    }
    return kept.isEmpty() ? null : String.join("&", kept);
  }

  private static List<String> segments(String path) {
    List<String> seg = new ArrayList<>();
    for (String p : path.split("/")) {
      if (!p.isEmpty()) {
        seg.add(p);
      }
    }
    return seg;
  }

  // owner/repo; GitLab allows nested groups and marks repository pages with "/-/"
  private static String repoRoot(String host, List<String> seg) {
    if (isGitlab(host)) {
      int end = seg.size();
      for (int i = 1; i < seg.size(); i++) {
        String s = seg.get(i);
        if (s.equals("-") || s.equals("tree") || s.equals("blob") || s.equals("raw")) {
          end = i;
          break;
        }
      }
      return "/" + String.join("/", seg.subList(0, Math.max(2, end)));
    }
    return "/" + seg.get(0) + "/" + seg.get(1);
  }

  private static Kind huggingFace(List<String> seg) {
    if (seg.isEmpty()) {
      return Kind.OTHER;
    }
    String first = seg.get(0);
    // datasets/owner and spaces/owner list an owner's items, like a user page
    if (first.equals("datasets")) {
      return seg.size() >= 3 ? Kind.DATASET : seg.size() == 2 ? Kind.PROJECT : Kind.OTHER;
    }
    if (first.equals("spaces")) {
      return seg.size() >= 3 ? Kind.CODE : seg.size() == 2 ? Kind.PROJECT : Kind.OTHER;
    }
    if (HF_RESERVED.contains(first)) {
      return Kind.OTHER;
    }
    return seg.size() >= 2 ? Kind.CODE : Kind.PROJECT;
  }

  private static boolean isGitlab(String host) {
    return host.equals("gitlab.com") || (host.startsWith("gitlab.") && !host.endsWith(".io"))
        || host.contains(".gitlab.") && !host.endsWith(".io");
  }

  private static boolean isArxiv(String host) {
    return host.equals("arxiv.org") || host.endsWith(".arxiv.org") || host.equals("alphaxiv.org");
  }

  private static boolean isDataHost(String host) {
    return host.equals("figshare.com") || host.endsWith(".figshare.com")
        || host.startsWith("dataverse.") || host.contains(".dataverse.")
        || host.equals("osf.io") || host.equals("data.mendeley.com")
        || host.equals("physionet.org") || host.equals("datadryad.org")
        || host.endsWith(".datadryad.org");
  }
}
