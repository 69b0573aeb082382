import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What {@code ./mixtree install} shows before it asks: the feature's installable units as the p2 repository's
 * metadata (content.jar or content.xml) describes them, the feature and every bundle and feature it includes with
 * version, name and vendor, and for each its jar's signature as the JDK verifies it (signer's subject and the
 * SHA-256 fingerprint of its certificate, the same form p2's director takes in {@code -trustedCertificates}).
 * This only informs the question; p2's own CheckTrust phase decides at install time (the launcher passes it the
 * fingerprints the user agreed to). Run by the launcher with the JDK's source launcher (no build step):
 * {@code java InstallListing.java REPOSITORY_DIR FEATURE_IU RESULT_FILE}. Writes the listing to stdout and, for
 * the launcher, {@code signer FINGERPRINT SUBJECT} and {@code unsigned ID} lines to RESULT_FILE.
 * Exit 3: no such feature; 4: not a readable p2 repository.
 */
public final class InstallListing {

	private static final String NAME = "org.eclipse.equinox.p2.name";
	private static final String PROVIDER = "org.eclipse.equinox.p2.provider";

	record Unit(String id, String version, Map<String, String> props, List<String[]> requires, List<String[]> artifacts) {
		String property(String key) {
			String v = props.get(key);
			if (v != null && v.startsWith("%")) { // localised: the default locale's value is df_LT.<key>
				v = props.getOrDefault("df_LT." + v.substring(1), v);
			}
			return v;
		}
	}

	public static void main(String[] args) throws Exception {
		Path repo = Path.of(args[0]);
		String featureIu = args[1];
		Path result = Path.of(args[2]);
		Map<String, List<Unit>> units;
		try {
			units = read(repo);
		} catch (IOException | RuntimeException e) {
			System.err.println("mixtree: install refused: cannot read a p2 repository at " + repo + " (" + e.getMessage() + ")");
			System.exit(4);
			return;
		}
		Unit feature = newest(units.get(featureIu));
		if (feature == null) {
			System.exit(3);
			return;
		}
		List<Unit> listed = new ArrayList<>();
		collect(feature, units, listed, new LinkedHashSet<>());
		Map<String, String> signers = new LinkedHashMap<>();
		List<String> unsigned = new ArrayList<>();
		PrintStream out = System.out;
		out.println("mixtree will install from " + repo.toUri() + ":");
		for (Unit u : listed) {
			String kind = u.id().endsWith(".feature.group") ? "feature" : "bundle ";
			String id = u.id().endsWith(".feature.group") ? u.id().substring(0, u.id().length() - ".feature.group".length()) : u.id();
			String vendor = u.property(PROVIDER);
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %s %s %s", kind, id, u.version()));
			String name = u.property(NAME);
			if (name != null) {
				line.append("  \"").append(name).append('"');
			}
			line.append("  vendor: ").append(vendor == null ? "(none given)" : vendor);
			String[] artifact = artifactOf(u, units);
			Path jar = artifact == null ? null : jar(repo, artifact);
			if (jar == null) {
				line.append("  signature: NOT SIGNED (no artifact found to check)");
				unsigned.add(id);
			} else {
				X509Certificate signer = signer(jar);
				if (signer == null) {
					line.append("  NOT SIGNED");
					unsigned.add(id);
				} else {
					String fp = fingerprint(signer);
					boolean self = signer.getSubjectX500Principal().equals(signer.getIssuerX500Principal());
					line.append("  signed by ").append(signer.getSubjectX500Principal().getName())
							.append(self ? " (self-signed)" : " (issued by " + signer.getIssuerX500Principal().getName() + ")")
							.append(" SHA-256 ").append(fp);
					signers.putIfAbsent(fp, signer.getSubjectX500Principal().getName());
				}
			}
			out.println(line);
		}
		List<String> lines = new ArrayList<>();
		signers.forEach((fp, subject) -> lines.add("signer " + fp + " " + subject));
		unsigned.forEach(id -> lines.add("unsigned " + id));
		Files.write(result, lines, StandardCharsets.UTF_8);
	}

	/** The feature group, its feature jar, and (depth first) every IU it includes by an exact version. */
	private static void collect(Unit u, Map<String, List<Unit>> units, List<Unit> into, Set<String> seen) {
		if (!seen.add(u.id() + "_" + u.version())) {
			return;
		}
		into.add(u);
		for (String[] r : u.requires()) {
			if (!"org.eclipse.equinox.p2.iu".equals(r[0]) || r[1].endsWith(".feature.jar")) {
				continue; // package and bundle imports are the feature's dependencies, not its content
			}
			String range = r[2];
			if (!(range.startsWith("[") && range.endsWith("]"))) {
				continue;
			}
			String[] ends = range.substring(1, range.length() - 1).split(",");
			if (ends.length != 2 || !ends[0].equals(ends[1])) {
				continue;
			}
			for (Unit c : units.getOrDefault(r[1], List.of())) {
				if (c.version().equals(ends[0])) {
					collect(c, units, into, seen);
				}
			}
		}
	}

	/** A bundle's own artifact, or for a feature group the artifact of its feature jar IU. */
	private static String[] artifactOf(Unit u, Map<String, List<Unit>> units) {
		if (u.id().endsWith(".feature.group")) {
			String jarId = u.id().substring(0, u.id().length() - ".group".length()) + ".jar";
			for (Unit j : units.getOrDefault(jarId, List.of())) {
				if (j.version().equals(u.version()) && !j.artifacts().isEmpty()) {
					return j.artifacts().get(0);
				}
			}
			return null;
		}
		return u.artifacts().isEmpty() ? null : u.artifacts().get(0);
	}

	/** The default layout of a p2 artifact repository: plugins/ID_VERSION.jar, features/ID_VERSION.jar. */
	private static Path jar(Path repo, String[] artifact) {
		String folder = "org.eclipse.update.feature".equals(artifact[0]) ? "features" : "plugins";
		Path p = repo.resolve(folder).resolve(artifact[1] + "_" + artifact[2] + ".jar");
		return Files.isRegularFile(p) ? p : null;
	}

	/** The signer of every entry of the jar, verified by the JDK; null when any entry is unsigned or altered. */
	private static X509Certificate signer(Path jar) throws IOException {
		X509Certificate signer = null;
		try (JarFile jf = new JarFile(jar.toFile(), true)) {
			Enumeration<JarEntry> entries = jf.entries();
			byte[] buf = new byte[8192];
			while (entries.hasMoreElements()) {
				JarEntry e = entries.nextElement();
				if (e.isDirectory() || e.getName().startsWith("META-INF/")) {
					continue;
				}
				try (InputStream in = jf.getInputStream(e)) {
					while (in.read(buf) >= 0) {
						// reading the entry to its end verifies its digest
					}
				} catch (SecurityException bad) {
					return null;
				}
				CodeSigner[] cs = e.getCodeSigners();
				if (cs == null || cs.length == 0) {
					return null;
				}
				Certificate c = cs[0].getSignerCertPath().getCertificates().get(0);
				if (!(c instanceof X509Certificate x)) {
					return null;
				}
				signer = x;
			}
		}
		return signer;
	}

	private static String fingerprint(Certificate c) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
		} catch (NoSuchAlgorithmException | CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Unit newest(List<Unit> list) {
		if (list == null || list.isEmpty()) {
			return null;
		}
		Unit best = list.get(0);
		for (Unit u : list) {
			if (compare(u.version(), best.version()) > 0) {
				best = u;
			}
		}
		return best;
	}

	private static int compare(String a, String b) {
		String[] x = a.split("\\.", 4), y = b.split("\\.", 4);
		for (int i = 0; i < 4; i++) {
			String p = i < x.length ? x[i] : "0", q = i < y.length ? y[i] : "0";
			int c = i < 3 ? Integer.compare(Integer.parseInt(p), Integer.parseInt(q)) : p.compareTo(q);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	/** Every unit of the repository's metadata, by id. */
	private static Map<String, List<Unit>> read(Path repo) throws Exception {
		Document doc;
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Path jar = repo.resolve("content.jar"), xml = repo.resolve("content.xml");
		if (Files.isRegularFile(jar)) {
			try (ZipFile z = new ZipFile(jar.toFile()); InputStream in = z.getInputStream(z.getEntry("content.xml"))) {
				doc = f.newDocumentBuilder().parse(in);
			}
		} else if (Files.isRegularFile(xml)) {
			doc = f.newDocumentBuilder().parse(xml.toFile());
		} else {
			throw new IOException("no content.jar or content.xml");
		}
		Map<String, List<Unit>> units = new LinkedHashMap<>();
		NodeList nodes = doc.getElementsByTagName("unit");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element e = (Element) nodes.item(i);
			Map<String, String> props = new LinkedHashMap<>();
			List<String[]> requires = new ArrayList<>(), artifacts = new ArrayList<>();
			for (Element p : children(e, "properties", "property")) {
				props.put(p.getAttribute("name"), p.getAttribute("value"));
			}
			for (Element r : children(e, "requires", "required")) {
				requires.add(new String[] { r.getAttribute("namespace"), r.getAttribute("name"), r.getAttribute("range") });
			}
			for (Element a : children(e, "artifacts", "artifact")) {
				artifacts.add(new String[] { a.getAttribute("classifier"), a.getAttribute("id"), a.getAttribute("version") });
			}
			Unit u = new Unit(e.getAttribute("id"), e.getAttribute("version"), props, requires, artifacts);
			units.computeIfAbsent(u.id(), k -> new ArrayList<>()).add(u);
		}
		return units;
	}

	/** The {@code <inner>} elements of the unit's direct {@code <outer>} child. */
	private static List<Element> children(Element unit, String outer, String inner) {
		List<Element> list = new ArrayList<>();
		for (org.w3c.dom.Node n = unit.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element o && o.getTagName().equals(outer)) {
				for (org.w3c.dom.Node m = o.getFirstChild(); m != null; m = m.getNextSibling()) {
					if (m instanceof Element i && i.getTagName().equals(inner)) {
						list.add(i);
					}
				}
			}
		}
		return list;
	}
}
