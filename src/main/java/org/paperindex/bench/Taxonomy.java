package org.paperindex.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Real arXiv category codes and old-style archives, most used first (for Zipf-like picks). */
final class Taxonomy {

  static final List<String> CATEGORIES = List.of(
      "cs.LG", "cs.CV", "hep-ph", "quant-ph", "cs.CL", "hep-th", "cond-mat.mtrl-sci", "cs.AI",
      "astro-ph.GA", "cond-mat.mes-hall", "math.MP", "math-ph", "gr-qc", "stat.ML", "cond-mat.str-el",
      "astro-ph.CO", "math.AP", "cond-mat.stat-mech", "astro-ph.SR", "math.CO", "astro-ph.HE",
      "math.PR", "cs.RO", "physics.optics", "cs.IT", "math.IT", "math.OC", "cs.CR", "hep-ex",
      "cond-mat.soft", "math.NT", "math.AG", "cs.DS", "eess.SP", "eess.IV", "cond-mat.supr-con",
      "math.DG", "physics.flu-dyn", "nucl-th", "cs.NI", "cs.SE", "cs.DC", "eess.SY", "cs.SY",
      "astro-ph.EP", "astro-ph.IM", "cond-mat.quant-gas", "math.NA", "cs.NA", "math.FA", "math.DS",
      "stat.ME", "math.ST", "stat.TH", "cs.IR", "cs.HC", "physics.chem-ph", "hep-lat", "cs.NE",
      "cs.SI", "physics.soc-ph", "math.GT", "math.RT", "math.CA", "math.GR", "math.LO", "cs.LO",
      "cond-mat.dis-nn", "physics.atom-ph", "physics.comp-ph", "physics.app-ph", "nucl-ex",
      "physics.ins-det", "physics.plasm-ph", "physics.bio-ph", "q-bio.NC", "q-bio.PE", "q-bio.QM",
      "q-bio.BM", "q-bio.GN", "q-bio.MN", "q-bio.CB", "q-bio.SC", "q-bio.TO", "q-bio.OT",
      "cs.GT", "cs.CY", "cs.DB", "cs.PL", "cs.SD", "eess.AS", "cs.MA", "cs.CC", "cs.CG", "cs.DM",
      "cs.FL", "cs.GR", "cs.AR", "cs.CE", "cs.DL", "cs.ET", "cs.MM", "cs.MS", "cs.OS", "cs.PF",
      "cs.SC", "cs.GL", "cs.OH", "math.AC", "math.AT", "math.CT", "math.CV", "math.GM", "math.GN",
      "math.HO", "math.KT", "math.MG", "math.OA", "math.QA", "math.RA", "math.SG", "math.SP",
      "nlin.AO", "nlin.CD", "nlin.CG", "nlin.PS", "nlin.SI", "physics.acc-ph", "physics.ao-ph",
      "physics.atm-clus", "physics.class-ph", "physics.data-an", "physics.ed-ph",
      "physics.gen-ph", "physics.geo-ph", "physics.hist-ph", "physics.med-ph", "physics.pop-ph",
      "physics.space-ph", "q-fin.CP", "q-fin.EC", "q-fin.GN", "q-fin.MF", "q-fin.PM", "q-fin.PR",
      "q-fin.RM", "q-fin.ST", "q-fin.TR", "stat.AP", "stat.CO", "stat.OT", "econ.EM", "econ.GN",
      "econ.TH", "astro-ph", "cond-mat.other");

  /** Old-style (before April 2007) archives; ids look like {@code hep-th/9901001}. */
  static final List<String> OLD_ARCHIVES = List.of(
      "hep-th", "hep-ph", "astro-ph", "cond-mat", "gr-qc", "quant-ph", "math", "nucl-th",
      "hep-ex", "hep-lat", "physics", "math-ph", "nlin", "cs", "q-bio");

  static final List<String> LICENSES = List.of(
      "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
      "http://creativecommons.org/licenses/by/4.0/",
      "http://creativecommons.org/licenses/by-nc-sa/4.0/",
      "http://creativecommons.org/licenses/by-sa/4.0/",
      "http://creativecommons.org/publicdomain/zero/1.0/");

  static final List<String> JOURNALS = List.of(
      "Phys.Rev.D", "Phys. Rev. Lett.", "JHEP", "Astrophys.J.", "Mon. Not. Roy. Astron. Soc.",
      "Nucl.Phys.B", "J. Math. Phys.", "Comm. Math. Phys.", "IEEE Trans. Inf. Theory",
      "Ann. of Math.", "Nature Phys.", "J. Mach. Learn. Res.", "Phys. Lett. B", "Eur. Phys. J. C");

  static final List<String> DOI_PREFIXES = List.of(
      "10.1103/PhysRevD", "10.1103/PhysRevLett", "10.1007/JHEP", "10.3847/1538-4357",
      "10.1093/mnras", "10.1016/j.nuclphysb", "10.1063/1", "10.1109/TIT", "10.1038/s41567");

  static final List<String> INSTITUTES = List.of(
      "Department of Physics", "Institute for Advanced Study", "Max Planck Institute",
      "Department of Mathematics", "School of Computer Science", "Observatory",
      "National Laboratory", "Center for Theoretical Physics", "Faculty of Science");

  // per archive: the categories its old-style papers may have as primary (computed once)
  private static final Map<String, List<String>> SUBJECTS = OLD_ARCHIVES.stream().collect(
      Collectors.toUnmodifiableMap(a -> a, a -> CATEGORIES.contains(a) ? List.of(a)
          : CATEGORIES.stream().filter(c -> c.startsWith(a + ".")).toList()));

  private Taxonomy() {}

  /** A primary category for an old-style archive's paper: the archive itself or a subject of it. */
  static String primaryFor(String archive, int pick) {
    List<String> sub = SUBJECTS.get(archive);
    return sub == null || sub.isEmpty() ? "physics.gen-ph" : sub.get(pick % sub.size());
  }
}
