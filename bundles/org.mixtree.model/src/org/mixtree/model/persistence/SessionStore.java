package org.mixtree.model.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.UnresolvedReferenceException;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.mixtree.audio.io.internal.AtomicFiles;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.FileValue;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.util.MixtreeResourceFactoryImpl;

/**
 * Reads and writes {@code .mixtree} session files (XMI).
 * <p>
 * Files are diffable: UTF-8, {@code \n} line ends, one element per line (no wrapping, so a changed
 * value changes one line), features in model order, values at their default left out, and references written as channel addresses ({@code output="bus/Drums"}, see
 * {@link ChannelAddress}) rather than positions. Re-saving a loaded session gives the same bytes.
 * <p>
 * Saving is atomic: the new content goes to a temporary file in the same folder, is forced to
 * disk, and is renamed over the old file (then the folder is forced), so a crash, a kill or a full disk never
 * leaves half a session; the previous version stays beside it as {@code NAME.mixtree.bak} ({@link #backupOf}). A session
 * file that is a symbolic link is saved through it (the link stays a link), and a saved file keeps its
 * permissions. Commands that load, change and save a session hold its {@link SessionLock} meanwhile.
 */
public final class SessionStore {

	/** File extension of session files, without the dot. */
	public static final String EXTENSION = "mixtree";

	/** Appended to a session file's name for the previous version a save keeps: {@code demo.mixtree.bak}. */
	public static final String BACKUP_SUFFIX = ".bak";
	/**
	 * Largest session file read: a session of 500 channels with inserts and snapshots is well under 1 MB, and a
	 * file is read whole (and held twice while it is checked) before EMF builds its objects.
	 */
	public static final long MAX_BYTES = 16L * 1024 * 1024;
	/**
	 * Most XML elements (counted as tags) a session file may have: each becomes an EMF object of some hundred
	 * bytes, so this bounds the memory a load takes (a file of a million channels would otherwise take the heap);
	 * 500 channels with ten inserts of 20 parameters each are about 100 000.
	 */
	public static final int MAX_ELEMENTS = 250_000;

	private SessionStore() {
	}

	/**
	 * A resource set that reads {@code .mixtree} files outside OSGi as well as inside (where the
	 * plugin.xml {@code extension_parser} registers the same factory globally).
	 */
	public static ResourceSet createResourceSet() {
		ResourceSet resourceSet = new ResourceSetImpl();
		register(resourceSet);
		return resourceSet;
	}

	/**
	 * Registers the session package and the {@code .mixtree} resource factory on a resource set, and keeps it from
	 * reading anything but what Mixtree hands it (see {@link LocalOnly}).
	 */
	public static void register(ResourceSet resourceSet) {
		if (!(resourceSet.getURIConverter() instanceof LocalOnly)) {
			resourceSet.setURIConverter(new LocalOnly());
		}
		resourceSet.getPackageRegistry().put(MixtreePackage.eNS_URI, MixtreePackage.eINSTANCE);
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().putIfAbsent(EXTENSION,
				new MixtreeResourceFactoryImpl());
	}

	/** Loads a session into a resource set of its own. */
	public static Session load(Path file) throws SessionFileException {
		return load(file, createResourceSet());
	}

	/**
	 * Loads a session into the given resource set (an editing domain's, for instance).
	 *
	 * @throws SessionFileException naming the file when it is missing or unreadable, with line and
	 *                              column when it is not a well-formed session, and naming the
	 *                              element when one of its references points at nothing
	 */
	public static Session load(Path file, ResourceSet resourceSet) throws SessionFileException {
		Path absolute = file.toAbsolutePath().normalize();
		register(resourceSet);
		byte[] bytes;
		long size;
		try {
			size = Files.size(absolute);
		} catch (NoSuchFileException e) {
			throw new SessionFileException(absolute, "no such session file", e);
		} catch (IOException e) {
			throw new SessionFileException(absolute, "cannot read session file: " + e, e);
		}
		if (size > MAX_BYTES) {
			throw new SessionFileException(absolute, "a session file of " + size / (1024 * 1024)
					+ " MB, larger than a session can be (at most " + MAX_BYTES / (1024 * 1024) + " MB)", null);
		}
		try {
			bytes = Files.readAllBytes(absolute);
		} catch (NoSuchFileException e) {
			throw new SessionFileException(absolute, "no such session file", e);
		} catch (IOException e) {
			throw new SessionFileException(absolute, "cannot read session file: " + e, e);
		}
		checkBounds(absolute, bytes);
		Resource resource = createResource(resourceSet, absolute);
		try {
			resource.load(new ByteArrayInputStream(bytes), loadOptions());
		} catch (IOException | RuntimeException e) {
			resourceSet.getResources().remove(resource);
			throw loadFailure(absolute, resource, e);
		}
		checkReferenceSyntax(absolute, bytes, resourceSet, resource);
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Session session)) {
			resourceSet.getResources().remove(resource);
			throw new SessionFileException(absolute, "not a Mixtree session (no Session element at the root)", null);
		}
		return session;
	}

	/**
	 * Saves a session atomically. A session not yet in a resource is put into one for the file.
	 * When anything fails the file on disk is left exactly as it was.
	 *
	 * @throws SessionFileException naming the file, or naming the element whose reference leaves
	 *                              the session
	 */
	public static void save(Session session, Path file) throws SessionFileException {
		save(session, file, true);
	}

	/**
	 * As {@link #save(Session, Path)}; {@code keepBackup} false writes no {@code .bak} (for files that are
	 * themselves a copy, as the workbench's autosave).
	 */
	public static void save(Session session, Path file, boolean keepBackup) throws SessionFileException {
		Path absolute = file.toAbsolutePath().normalize();
		checkReferences(session, absolute);
		Resource resource = session.eResource();
		if (resource == null) {
			resource = createResource(createResourceSet(), absolute);
			resource.getContents().add(session);
		}
		ByteArrayOutputStream content = new ByteArrayOutputStream(16 * 1024);
		try {
			resource.save(content, saveOptions());
		} catch (IOException | RuntimeException e) {
			throw new SessionFileException(absolute, "cannot write session: " + describe(e), e);
		}
		writeAtomically(absolute, content.toByteArray(), keepBackup);
	}

	/**
	 * The exact text {@link #save(Session, Path)} would write: handy for comparing states (undo
	 * tests, "did anything change?") without touching the disk.
	 */
	public static String serialize(Session session) {
		Resource resource = session.eResource();
		boolean temporary = resource == null;
		if (temporary) {
			resource = new MixtreeResourceFactoryImpl().createResource(URI.createURI("memory:/session.mixtree"));
			resource.getContents().add(session);
		}
		ByteArrayOutputStream content = new ByteArrayOutputStream(16 * 1024);
		try {
			resource.save(content, saveOptions());
		} catch (IOException e) {
			throw new IllegalStateException("cannot serialise session: " + describe(e), e);
		} finally {
			if (temporary) {
				resource.getContents().remove(session);
			}
		}
		return content.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * The absolute path of a track's audio source: its relative path resolved against the folder of
	 * the session file. An absolute source (written by hand) is returned as it is.
	 */
	public static Path resolveSource(Track track, Path sessionFile) {
		if (track.getSource() == null) {
			throw new IllegalArgumentException("track:" + track.getName() + " has no source");
		}
		Path source;
		try {
			source = Path.of(track.getSource());
		} catch (InvalidPathException e) {
			throw new IllegalArgumentException("track:" + track.getName() + " has an invalid source '" + track.getSource() + "'", e);
		}
		if (source.isAbsolute()) {
			return source.normalize();
		}
		Path folder = sessionFile.toAbsolutePath().normalize().getParent();
		return folder.resolve(source).normalize();
	}

	/**
	 * The absolute path of a file an insert reads (an impulse response): as a track source, relative to the
	 * session file's folder unless stored absolute.
	 *
	 * @throws IllegalArgumentException naming the insert's channel, effect and file id when the path is invalid
	 */
	public static Path resolveFile(FileValue file, Path sessionFile) {
		Path path;
		try {
			path = Path.of(file.getPath() == null ? "" : file.getPath());
		} catch (InvalidPathException e) {
			throw new IllegalArgumentException(describe(file) + " has an invalid path '" + file.getPath() + "'", e);
		}
		if (path.isAbsolute()) {
			return path.normalize();
		}
		return sessionFile.toAbsolutePath().normalize().getParent().resolve(path).normalize();
	}

	/**
	 * Every file the session reads when it plays, absolute, each with what reads it ({@code the source of
	 * track:Kick}, {@code the irfile of bus:Verb insert 1 (org.mixtree.reverb)}), in session order: track sources,
	 * then the files of inserts (tracks, buses, master). Nothing Mixtree writes may replace one of them.
	 * Effect states are opaque and not looked into.
	 */
	public static Map<Path, String> filesRead(Session session, Path sessionFile) {
		Map<Path, String> files = new java.util.LinkedHashMap<>();
		for (Track track : session.getTracks()) {
			if (track.getSource() != null) {
				try {
					files.putIfAbsent(resolveSource(track, sessionFile), "the source of " + ChannelAddress.of(track));
				} catch (IllegalArgumentException e) {
					// an invalid path names no file that could be overwritten
				}
			}
		}
		for (Channel channel : channels(session)) {
			for (org.mixtree.model.Insert insert : channel.getInserts()) {
				for (FileValue file : insert.getFiles()) {
					if (file.getPath() != null && !file.getPath().isEmpty()) {
						try {
							files.putIfAbsent(resolveFile(file, sessionFile), describe(file));
						} catch (IllegalArgumentException e) {
							// as above
						}
					}
				}
			}
		}
		return files;
	}

	/** {@code the irfile of bus:Verb insert 1 (org.mixtree.reverb)} */
	private static String describe(FileValue file) {
		if (file.eContainer() instanceof org.mixtree.model.Insert insert && insert.eContainer() instanceof Channel channel) {
			return "the " + file.getId() + " of " + ChannelAddress.of(channel) + " insert " + (channel.getInserts().indexOf(insert) + 1)
					+ " (" + insert.getEffectId() + ")";
		}
		return file.getId();
	}

	/**
	 * The path to store in {@link Track#setSource(String)} (or a {@link FileValue}'s path) for a file: relative to the
	 * session file's folder, with {@code /} separators on every platform so files move between
	 * machines.
	 */
	public static String relativeSource(Path audioFile, Path sessionFile) {
		Path folder = sessionFile.toAbsolutePath().normalize().getParent();
		Path relative = folder.relativize(audioFile.toAbsolutePath().normalize());
		return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
	}

	/**
	 * A new, empty session resource for a file in the resource set, whatever the file's extension
	 * (the registry would only find a factory for {@code .mixtree}).
	 */
	public static Resource createResource(ResourceSet resourceSet, Path file) {
		Resource resource = new MixtreeResourceFactoryImpl().createResource(uriOf(file.toAbsolutePath().normalize()));
		resourceSet.getResources().add(resource);
		return resource;
	}

	private static URI uriOf(Path absolute) {
		return URI.createFileURI(absolute.toString());
	}

	private static Map<Object, Object> loadOptions() {
		Map<Object, Object> options = new HashMap<>();
		options.put(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE);
		// a session never has a DTD: refusing one refuses entity expansion (billion laughs) and external
		// entities (a session that reads /etc/passwd into a track name) at the parser, before any of it happens
		options.put(XMLResource.OPTION_PARSER_FEATURES, Map.of(DISALLOW_DOCTYPE, Boolean.TRUE));
		// an unknown namespace is an error, not an address to load a package from (see LocalOnly)
		options.put(XMLResource.OPTION_USE_PACKAGE_NS_URI_AS_LOCATION, Boolean.FALSE);
		return options;
	}

	/**
	 * The URI converter of a session's resource set: a session is read from the bytes {@link #load} hands EMF and
	 * refers to nothing outside itself, so EMF never has to open a URI. Without this, a session whose namespace is
	 * not Mixtree's (one changed letter) made EMF fetch the package from that namespace over HTTP while loading,
	 * and a cross-document reference ({@code href="http://..."}) would be fetched when followed (found by fuzzing).
	 */
	static final class LocalOnly extends org.eclipse.emf.ecore.resource.impl.ExtensibleURIConverterImpl {
		@Override
		public java.io.InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
			throw new IOException("a session file refers to nothing outside itself, not to " + uri);
		}

		@Override
		public boolean exists(URI uri, Map<?, ?> options) {
			return false; // asking would open the URI too (an HTTP HEAD request for http:)
		}

		@Override
		public Map<String, ?> getAttributes(URI uri, Map<?, ?> options) {
			return Map.of();
		}
	}

	private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

	/**
	 * Refuses a file with more elements than {@link #MAX_ELEMENTS} before EMF builds anything: each {@code <} that
	 * is not an end tag, comment or processing instruction starts an element (a {@code <} in a value is written
	 * {@code &lt;}, and a DTD that could add elements by expansion is refused by the parser).
	 */
	private static void checkBounds(Path file, byte[] bytes) throws SessionFileException {
		int elements = 0;
		for (int i = 0, n = bytes.length - 1; i < n; i++) {
			if (bytes[i] == '<') {
				byte next = bytes[i + 1];
				if (next != '/' && next != '!' && next != '?' && ++elements > MAX_ELEMENTS) {
					throw new SessionFileException(file, "more than " + MAX_ELEMENTS
							+ " elements, more than a session can have (a file made to exhaust memory?)", null);
				}
			}
		}
	}

	private static Map<Object, Object> saveOptions() {
		Map<Object, Object> options = new HashMap<>();
		options.put(XMLResource.OPTION_ENCODING, "UTF-8");
		options.put(XMLResource.OPTION_LINE_DELIMITER, "\n");
		options.put(XMLResource.OPTION_PROCESS_DANGLING_HREF, XMLResource.OPTION_PROCESS_DANGLING_HREF_THROW);
		return options;
	}

	/**
	 * A reference to a bus outside the session would be written as a path that means nothing on
	 * the next load; refuse it with the element named instead of EMF's generic dangling-href error.
	 */
	private static void checkReferences(Session session, Path file) throws SessionFileException {
		for (Channel channel : channels(session)) {
			Bus output = channel.getOutput();
			if (output != null && !inSession(session, output)) {
				throw new SessionFileException(file, ChannelAddress.of(channel) + ": output refers to "
						+ ChannelAddress.of(output) + ", which is not in the session", null);
			}
			for (Send send : channel.getSends()) {
				if (send.getTarget() != null && !inSession(session, send.getTarget())) {
					throw new SessionFileException(file, ChannelAddress.of(channel) + ": send refers to "
							+ ChannelAddress.of(send.getTarget()) + ", which is not in the session", null);
				}
			}
			for (org.mixtree.model.Insert insert : channel.getInserts()) {
				Channel key = insert.getSidechain();
				if (key != null && key.eContainer() != session) {
					throw new SessionFileException(file, ChannelAddress.of(channel) + ": insert " + insert.getEffectId()
							+ " sidechain refers to " + ChannelAddress.of(key) + ", which is not in the session", null);
				}
			}
		}
	}

	private static Iterable<Channel> channels(Session session) {
		java.util.List<Channel> all = new java.util.ArrayList<>(session.getTracks());
		all.addAll(session.getBuses());
		if (session.getMaster() != null) {
			all.add(session.getMaster());
		}
		return all;
	}

	private static boolean inSession(Session session, Bus bus) {
		return bus.eContainer() == session;
	}

	private static SessionFileException loadFailure(Path file, Resource resource, Exception e) {
		// EMF records what went wrong, with positions, in the resource's errors; the thrown
		// exception usually wraps the first of them.
		for (Resource.Diagnostic error : resource.getErrors()) {
			return fromDiagnostic(file, error, e);
		}
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof Resource.Diagnostic diagnostic) {
				return fromDiagnostic(file, diagnostic, e);
			}
			if (t instanceof org.xml.sax.SAXParseException sax) {
				return new SessionFileException(file, sax.getLineNumber(), sax.getColumnNumber(),
						saxProblem(sax), e);
			}
		}
		return new SessionFileException(file, "cannot load session: " + describe(e), e);
	}

	private static final java.util.regex.Pattern REFERENCE_ATTRIBUTE = java.util.regex.Pattern
			.compile("\\s(output|target|sidechain)=\"([^\"]*:[^\"]*)\"");

	/**
	 * EMF's reader takes a reference value containing a colon for a type name and drops it without
	 * a word, so {@code output="bus:Drums"} (the command-line spelling, easy to type by hand) would
	 * silently route the channel to the master. Such values are found here and refused.
	 */
	private static void checkReferenceSyntax(Path file, byte[] bytes, ResourceSet resourceSet, Resource resource)
			throws SessionFileException {
		String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			java.util.regex.Matcher m = REFERENCE_ATTRIBUTE.matcher(lines[i]);
			if (m.find()) {
				resourceSet.getResources().remove(resource);
				throw new SessionFileException(file, i + 1, m.start(2) + 1, m.group(1) + " refers to '" + m.group(2)
						+ "': write references as bus/NAME or master", null);
			}
		}
	}

	/** What the XML parser found, in the words a person who opened the file would use. */
	private static String saxProblem(org.xml.sax.SAXParseException sax) {
		String m = String.valueOf(sax.getMessage());
		if (m.contains(DISALLOW_DOCTYPE) || m.contains("DOCTYPE")) {
			return "a DOCTYPE declaration, which a session file never has (DTDs and entities are refused)";
		}
		return "not a well-formed session file: " + m;
	}

	private static SessionFileException fromDiagnostic(Path file, Resource.Diagnostic diagnostic, Exception e) {
		String message;
		if (diagnostic instanceof UnresolvedReferenceException unresolved) {
			EObject owner = unresolved.getObject();
			String element = owner instanceof Channel channel ? ChannelAddress.of(channel)
					: owner instanceof Send send && send.eContainer() instanceof Channel channel
							? ChannelAddress.of(channel) + " send"
							: owner == null ? "an element" : owner.eClass().getName();
			String feature = unresolved.getFeature() == null ? "reference" : unresolved.getFeature().getName();
			message = element + ": " + feature + " refers to '" + unresolved.getReference()
					+ "', which is not in the session";
		} else if (diagnostic instanceof org.eclipse.emf.ecore.xmi.IllegalValueException illegal) {
			EObject owner = illegal.getObject();
			String element = owner instanceof Channel channel ? ChannelAddress.of(channel)
					: owner instanceof Send send && send.eContainer() instanceof Channel channel
							? ChannelAddress.of(channel) + " send"
							: owner == null ? "an element" : owner.eClass().getName();
			Object value = illegal.getValue();
			String shown = value instanceof Channel channel ? ChannelAddress.of(channel) : String.valueOf(value);
			String feature = illegal.getFeature() == null ? "a feature" : illegal.getFeature().getName();
			message = element + ": " + shown + " is not a legal value for " + feature;
		} else {
			Throwable cause = diagnostic instanceof Throwable t && t.getCause() != null ? t.getCause() : null;
			message = cause instanceof org.xml.sax.SAXParseException sax ? saxProblem(sax)
					// XMIException appends "(location, line, column)", which the message already has
					: "invalid session file: "
							+ diagnostic.getMessage().replaceFirst("\\s*\\([^()]*, -?\\d+, -?\\d+\\)\\s*$", "");
		}
		return new SessionFileException(file, diagnostic.getLine(), diagnostic.getColumn(), message, e);
	}

	private static String describe(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return message == null ? root.getClass().getSimpleName() : SessionFileException.oneLine(message);
	}

	/**
	 * The previous version a save keeps: {@code NAME.mixtree.bak} beside the real session file (the file at the end
	 * of a symbolic link's chain, as the save writes there).
	 */
	public static Path backupOf(Path realFile) {
		return realFile.resolveSibling(realFile.getFileName() + BACKUP_SUFFIX);
	}

	/**
	 * Write to a temporary file beside the real file (through symbolic links), force it to the device, keep the
	 * old file as {@link #backupOf its .bak}, rename the new one over the real file and force the folder. The
	 * rename is atomic on the same file system, so readers (and a process killed at any moment) see the old file
	 * or the new one, complete; a link stays a link, and the file keeps its permissions (see {@link AtomicFiles}).
	 */
	private static void writeAtomically(Path file, byte[] content, boolean keepBackup) throws SessionFileException {
		try {
			Path real = AtomicFiles.resolveLinks(file);
			AtomicFiles.replace(real, content, keepBackup ? backupOf(real) : null);
		} catch (IOException e) {
			throw new SessionFileException(file, "cannot save session: " + AtomicFiles.describe(e), e);
		}
	}
}
