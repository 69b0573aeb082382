package org.mixtree.engine.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mixtree.audio.io.AudioFileException;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.GraphDescription.Send;
import org.mixtree.engine.RenderOptions;

/**
 * The one stems mechanism of an offline render: which files a render writes besides the mix, and the bus node of
 * the graph each is tapped from. Computed from the description alone, without touching the file system, so that
 * {@link org.mixtree.engine.Engine#outputs} lists exactly what {@link OfflineRenderer#render} writes.
 * <p>
 * <b>Top-level stems</b> ({@code stemsDepth} 0): each top-level bus's own output, tapped in the mix graph itself.
 * <p>
 * <b>Stems by level</b> ({@code stemsDepth} N): the graph to mix is the session's graph plus, per stem, a copy of
 * the path the stem takes to the master. A bus B at depth N feeds its stem through a post-fader send at 0 dB (the
 * very signal of its output) into a copy of its parent, whose copy feeds a copy of the grandparent, and so on up
 * to a copy of the master (fader and balance; inserts only with master processing). What a shallower bus R
 * receives other than from its buses (its direct tracks' outputs, the sends into it) reaches a copy of R the same
 * way, through sends of 0 dB (a send into R: copied at its own level and tap point). The copies keep their
 * originals' inserts (each its own processor, so a compressor above the cut hears only its stem, as it would with
 * the bus soloed), fader, balance and mute, but no sends: a stem holds the dry bus, and the send's return is a stem
 * of its own. Every master copy feeds one silent bus (fader at -inf) into the master, so the mix is unchanged, and
 * the stems are tapped at the master copies. Mute, solo and the focus act on the stems as on the mix. One pass mixes the mix and every stem; sample alignment comes from the
 * engine's delay compensation as for any parallel path.
 *
 * @param graph the description to compile and mix (the plan's own for top-level stems or none)
 * @param stems the stems in file order
 */
public record StemLayout(GraphDescription graph, List<Stem> stems) {

	/**
	 * One stem file.
	 *
	 * @param file  where it is written
	 * @param role  how messages name it: {@code the stem of bus:Drums}, {@code the direct stem of bus:Guitars}
	 * @param tapId id of the bus in {@link StemLayout#graph()} whose output the file holds
	 */
	public record Stem(Path file, String role, String tapId) {
	}

	/** Prefix of the ids of the path copies: no id the binding makes starts with a control character. */
	static final String COPY = "\u0001stem ";
	/** Id of the silent bus every master copy feeds. */
	static final String SINK = "\u0001stems";

	/**
	 * @throws AudioFileException       when two stems would have the same file name (case aside)
	 * @throws IllegalArgumentException when no bus is at the depth asked for
	 */
	public static StemLayout of(GraphDescription graph, RenderOptions options) throws IOException {
		Path dir = options.stemsDir();
		if (dir == null) {
			return new StemLayout(graph, List.of());
		}
		return options.stemsDepth() == 0 ? topLevel(graph, dir) : new Builder(graph, dir, options).build();
	}

	private static StemLayout topLevel(GraphDescription graph, Path dir) throws IOException {
		String master = masterId(graph);
		Names names = new Names(dir);
		List<Stem> stems = new ArrayList<>();
		for (Channel c : graph.channels()) {
			if (c.kind() == Kind.BUS && master.equals(c.output())) {
				stems.add(new Stem(names.file(c.name(), "", c.label()), "the stem of " + c.label(), c.id()));
			}
		}
		return new StemLayout(graph, stems);
	}

	private static String masterId(GraphDescription graph) {
		for (Channel c : graph.channels()) {
			if (c.kind() == Kind.BUS && c.output() == null) {
				return c.id();
			}
		}
		throw new IllegalArgumentException("the graph has no master");
	}

	/** Stem file names in one folder: a bus name never leaves it, and no two stems share a name. */
	private static final class Names {
		final Path dir;
		final Map<String, String> taken = new HashMap<>();

		Names(Path dir) {
			this.dir = dir;
		}

		Path file(String busName, String suffix, String label) throws AudioFileException {
			String file = OfflineRenderer.stemFileName(busName + suffix);
			String other = taken.putIfAbsent(file.toLowerCase(Locale.ROOT), label);
			if (other != null) {
				throw new AudioFileException(dir.resolve(file), "both " + other + " and " + label + " would write this stem");
			}
			Path stem = dir.resolve(file);
			if (!dir.equals(stem.getParent())) {
				// stemFileName leaves no separator and no "..": a bus name never names a file outside the folder
				throw new IllegalStateException("stem of " + label + " outside " + dir + ": " + stem);
			}
			return stem;
		}
	}

	/** Stems by level: walks the tree from the master, copying each stem's path. */
	private static final class Builder {
		final GraphDescription graph;
		final int depth;
		final boolean masterProcessing;
		final Names names;
		final Map<String, Channel> byId = new LinkedHashMap<>();
		final String master;
		/** sends added to original channels, by channel id */
		final Map<String, List<Send>> added = new HashMap<>();
		final List<Channel> copies = new ArrayList<>();
		final List<Stem> stems = new ArrayList<>();
		int deepest;

		Builder(GraphDescription graph, Path dir, RenderOptions options) {
			this.graph = graph;
			this.depth = options.stemsDepth();
			this.masterProcessing = options.stemsMasterProcessing();
			this.names = new Names(dir);
			for (Channel c : graph.channels()) {
				byId.put(c.id(), c);
			}
			this.master = masterId(graph);
		}

		StemLayout build() throws IOException {
			visit(byId.get(master), 0);
			if (deepest < depth) {
				throw new IllegalArgumentException("no bus is at depth " + depth + " of the tree ("
						+ (deepest == 0 ? "the session has no bus" : "the deepest is at depth " + deepest) + ")");
			}
			List<Channel> channels = new ArrayList<>();
			for (Channel c : graph.channels()) {
				List<Send> more = added.get(c.id());
				if (more == null) {
					channels.add(c);
				} else {
					List<Send> sends = new ArrayList<>(c.sends());
					sends.addAll(more);
					channels.add(c.withSends(sends));
				}
			}
			channels.addAll(copies);
			// the stems' way into the master, silent: the mix stays what it is
			channels.add(new Channel(SINK, "stems", Kind.BUS, null, Double.NEGATIVE_INFINITY, 0, false, false, false,
					master));
			// the focus as the mix has it: a track outside it is silent in its stem as in the mix (the copies are
			// buses, heard when what feeds them is, so they need no place in the focus)
			return new StemLayout(new GraphDescription(graph.sampleRate(), graph.panLaw(), channels, graph.focus()),
					stems);
		}

		/** Console order: a bus's stems at depth N (or deeper receivers), then its own direct stem. */
		private void visit(Channel bus, int d) throws IOException {
			boolean direct = false;
			for (Channel c : graph.channels()) {
				if (!bus.id().equals(c.output())) {
					continue;
				}
				if (c.kind() == Kind.TRACK) {
					direct = true;
				} else if (d + 1 == depth) {
					deepest = Math.max(deepest, d + 1);
					stem(c);
				} else {
					deepest = Math.max(deepest, d + 1);
					visit(c, d + 1);
				}
			}
			for (Channel c : graph.channels()) {
				for (Send s : c.sends()) {
					direct |= s.target().equals(bus.id());
				}
			}
			if (direct) {
				directStem(bus);
			}
		}

		/** The stem of a bus at depth N: its output, sent into a copy of its parent's path. */
		private void stem(Channel bus) throws IOException {
			int k = stems.size();
			String into = copyPath(k, byId.get(bus.output()));
			add(bus.id(), new Send(into, 0.0, false));
			stems.add(new Stem(names.file(bus.name(), "", bus.label()), "the stem of " + bus.label(), tapOf(k)));
		}

		/** What {@code bus} receives other than from its buses: its tracks' outputs and the sends into it. */
		private void directStem(Channel bus) throws IOException {
			int k = stems.size();
			String into = copyPath(k, bus);
			for (Channel c : graph.channels()) {
				if (c.kind() == Kind.TRACK && bus.id().equals(c.output())) {
					add(c.id(), new Send(into, 0.0, false));
				}
				for (Send s : c.sends()) {
					if (s.target().equals(bus.id())) {
						add(c.id(), new Send(into, s.levelDb(), s.preFader()));
					}
				}
			}
			boolean isMaster = bus.output() == null;
			String name = isMaster ? "master" : bus.name();
			stems.add(new Stem(names.file(name, ".direct", bus.label()), "the direct stem of " + bus.label(), tapOf(k)));
		}

		/** Copies {@code from} and every bus above it for stem {@code k}; returns the id of the copy of {@code from}. */
		private String copyPath(int k, Channel from) {
			String first = null;
			for (Channel c = from; c != null; c = c.output() == null ? null : byId.get(c.output())) {
				boolean isMaster = c.output() == null;
				Channel copy = c.rerouted(copyId(k, c.id()), isMaster ? SINK : copyId(k, c.output())).withSends(List.of());
				if (isMaster && !masterProcessing) {
					copy = copy.withInserts(List.of());
				}
				copies.add(copy);
				if (first == null) {
					first = copy.id();
				}
			}
			return first;
		}

		private String tapOf(int k) {
			return copyId(k, master);
		}

		private static String copyId(int k, String id) {
			return COPY + k + " " + id;
		}

		private void add(String channel, Send send) {
			added.computeIfAbsent(channel, x -> new ArrayList<>()).add(send);
		}
	}
}
