package org.mixtree.model.edit.builder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.mixtree.model.Sessions;

/**
 * The words that route a stem to a bus, read from rules files a studio engineer can edit: the shipped
 * {@code rules/grouping.rules} (its header documents the format and the precedence, which this class
 * implements), the user's own file ({@link #userFile}) and any other given to {@code new --rules}, each
 * {@linkplain #plus(String, String) added on top} of the rules before it.
 * <p>
 * Immutable: adding a file makes new rules. Any thread.
 */
public final class GroupingRules {

	/** The shipped rules, at the root of this bundle (listed in its {@code bin.includes}). */
	public static final String RESOURCE = "/rules/grouping.rules";

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+( [\\p{L}\\p{N}]+)*");
	private static final Pattern GROUP_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} &+'._-]*");
	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
	/**
	 * CamelCase boundaries: lower to upper ("KickIn"), the end of a capital run before a capitalised word
	 * ("HHClosed") unless that word is only a plural s ("BVs", "OHs"), and digits before a capital
	 * ("01Kick", "B3Organ").
	 */
	private static final Pattern CAMEL = Pattern
			.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})(?!\\p{Lu}s(?:$|\\P{L}))|(?<=\\p{N})(?=\\p{Lu})");
	private static final Pattern LETTER_DIGIT = Pattern.compile("(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");

	private static volatile GroupingRules defaults;

	private final Node root;
	/** Every single-word entry and every word of a phrase, of every group: what a name's word can be. */
	private final Set<String> vocabulary;

	private GroupingRules(Node root) {
		this.root = root;
		Set<String> v = new HashSet<>();
		collect(root, v);
		this.vocabulary = Collections.unmodifiableSet(v);
	}

	/** Rules with no group but Other: everything goes to Other until files add groups. */
	public static GroupingRules empty() {
		Node root = new Node(null, null);
		root.children.add(new Node(AutoGrouping.OTHER, root));
		return new GroupingRules(root);
	}

	/**
	 * The rules shipped with Mixtree ({@link #RESOURCE}).
	 *
	 * @throws IllegalStateException when the bundle was built without its rules file
	 */
	public static GroupingRules defaults() {
		GroupingRules d = defaults;
		if (d == null) {
			try (InputStream in = GroupingRules.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("the grouping rules " + RESOURCE.substring(1)
							+ " are missing from the org.mixtree.model.edit bundle (see its build.properties)");
				}
				d = empty().plus(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE.substring(1));
			} catch (IOException e) {
				throw new IllegalStateException("cannot read the grouping rules " + RESOURCE.substring(1) + ": " + e.getMessage(), e);
			}
			defaults = d;
		}
		return d;
	}

	/**
	 * The user's own rules file: {@code $XDG_CONFIG_HOME/mixtree/grouping.rules}, or
	 * {@code ~/.config/mixtree/grouping.rules} when that variable is unset or empty (the XDG base directory
	 * rule). It need not exist.
	 *
	 * @param env      the environment ({@code System.getenv()})
	 * @param userHome the home folder ({@code System.getProperty("user.home")})
	 */
	public static Path userFile(Map<String, String> env, String userHome) {
		String xdg = env.get("XDG_CONFIG_HOME");
		Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".config");
		return config.resolve("mixtree").resolve("grouping.rules");
	}

	/**
	 * These rules with the rules file {@code file} on top.
	 *
	 * @throws GroupingRulesException {@code FILE:LINE: what is wrong}, or {@code FILE: ...} when it cannot be
	 *                                read
	 */
	public GroupingRules plus(Path file) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
		} catch (NoSuchFileException e) {
			throw new GroupingRulesException(file + ": no such file", e);
		} catch (CharacterCodingException e) {
			throw new GroupingRulesException(file + ": not a text file (UTF-8)", e);
		} catch (IOException e) {
			throw new GroupingRulesException(file + ": cannot read: " + (e.getMessage() != null ? e.getMessage() : e), e);
		}
		return plus(text, file.toString());
	}

	/**
	 * These rules with the rules text {@code text} on top: a group it names gets its words, a new group is
	 * placed as the shipped file's header says, and a word it gives a group leaves the unrelated groups
	 * that had it.
	 *
	 * @param source the file name used in messages
	 * @throws GroupingRulesException {@code SOURCE:LINE: what is wrong}; nothing is added then
	 */
	public GroupingRules plus(String text, String source) {
		Node tree = root.copy(null);
		Node previous = null;
		Map<Node, Integer> seen = new HashMap<>();
		Map<String, Given> given = new HashMap<>();
		String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			int number = i + 1;
			String line = lines[i];
			int hash = line.indexOf('#');
			if (hash >= 0) {
				line = line.substring(0, hash);
			}
			if (line.isBlank()) {
				continue;
			}
			String words;
			Node node;
			if (Character.isWhitespace(line.charAt(0))) {
				if (previous == null) {
					throw error(source, number, "an indented line goes on with the group above it, and there is none");
				}
				node = previous;
				words = line;
			} else {
				int colon = line.indexOf(':');
				if (colon < 0) {
					throw error(source, number, "expected 'Group: word, word, ...', found '" + line.strip() + "'");
				}
				List<String> path = groupPath(line.substring(0, colon), source, number);
				node = tree.find(path);
				if (node == null) {
					Node parent = path.size() == 1 ? tree : tree.find(path.subList(0, path.size() - 1));
					if (parent == null) {
						throw error(source, number, "no group " + String.join("/", path.subList(0, path.size() - 1))
								+ " to put " + path.get(path.size() - 1) + " in (write that group's line first)");
					}
					if (parent.isOther()) {
						throw error(source, number, AutoGrouping.OTHER + " has no groups inside it");
					}
					String name = path.get(path.size() - 1);
					Node same = tree.named(name);
					if (same != null || name.equalsIgnoreCase(Sessions.MASTER_NAME)) {
						throw error(source, number, "a bus named " + name + " is already "
								+ (same != null ? "at " + String.join("/", same.path()) : "the session's master")
								+ "; every bus has its own name");
					}
					node = new Node(name, parent);
					int at = previous != null && previous.parent == parent ? parent.children.indexOf(previous) + 1
							: parent.children.size();
					if (parent == tree) {
						at = Math.min(at, tree.other());
					}
					parent.children.add(at, node);
				} else if (seen.containsKey(node)) {
					throw error(source, number, String.join("/", node.path()) + " is already on line " + seen.get(node)
							+ " (write a group once; indented lines go on with its words)");
				}
				seen.put(node, number);
				words = line.substring(colon + 1);
			}
			for (String raw : words.split(",", -1)) {
				String entry = raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
				if (entry.isEmpty()) {
					continue;
				}
				if (!WORD.matcher(entry).matches()) {
					throw error(source, number, "'" + raw.strip() + "' is not a word (letters and digits; a phrase is words"
							+ " separated by spaces; words are separated by commas)");
				}
				if (entry.indexOf(' ') > 0 && entry.chars().anyMatch(Character::isDigit)) {
					throw error(source, number, "'" + raw.strip() + "': the words of a phrase are letters only");
				}
				Given before = given.get(entry);
				if (before != null && !before.node.sameBranch(node)) {
					throw error(source, number, "'" + entry + "' is already in " + String.join("/", before.node.path())
							+ " (line " + before.line + "); a word belongs to one group");
				}
				given.putIfAbsent(entry, new Given(node, number));
				tree.removeOffBranch(entry, node);
				node.entries.add(entry);
			}
			previous = node;
		}
		return new GroupingRules(tree);
	}

	private record Given(Node node, int line) {
	}

	private static List<String> groupPath(String text, String source, int line) {
		List<String> path = new ArrayList<>();
		for (String part : text.split("/", -1)) {
			String name = part.strip().replaceAll("\\s+", " ");
			if (!GROUP_NAME.matcher(name).matches()) {
				throw error(source, line, name.isEmpty() ? "a group name is missing before ':' or around '/'"
						: "'" + name + "' is not a group name (letters, digits, spaces)");
			}
			path.add(name);
		}
		return path;
	}

	private static GroupingRulesException error(String source, int line, String what) {
		return new GroupingRulesException(source + ":" + line + ": " + what);
	}

	/**
	 * Every bus path these rules can produce, in console order (a parent before the buses nested in it);
	 * Other last.
	 */
	public List<List<String>> busOrder() {
		List<List<String>> order = new ArrayList<>();
		root.preorder(n -> order.add(n.path()));
		return Collections.unmodifiableList(order);
	}

	/** The words and phrases of the group at {@code path} (any case), in file order; empty if no such group. */
	public List<String> entries(List<String> path) {
		Node n = root.find(path);
		return n == null ? List.of() : List.copyOf(n.entries);
	}

	/**
	 * The bus path a stem goes to, e.g. {@code [Drums]}, {@code [Guitars, Acoustics]}, {@code [Other]}: the
	 * precedence of the shipped file's header.
	 */
	public List<String> busPath(String stem) {
		Name name = name(stem);
		Node top = null;
		for (Node n : root.children) {
			if (n.matchesPhrase(name)) {
				top = n;
				break;
			}
		}
		if (top == null) {
			for (Node n : root.children) {
				if (n.matchesWord(name)) {
					top = n;
					break;
				}
			}
		}
		if (top == null) {
			List<Node> nested = new ArrayList<>();
			root.preorder(n -> {
				if (n.parent != root) {
					nested.add(n);
				}
			});
			for (Node n : nested) {
				if (n.matchesPhrase(name) || n.matchesWord(name)) {
					top = n;
					break;
				}
			}
		}
		if (top == null) {
			return List.of(AutoGrouping.OTHER);
		}
		Node bus = top;
		for (boolean deeper = true; deeper;) {
			deeper = false;
			for (Node child : bus.children) {
				if (child.matchesPhrase(name) || child.matchesWord(name)) {
					bus = child;
					deeper = true;
					break;
				}
			}
		}
		return bus.path();
	}

	// ------------------------------------------------------------------------------------------ names

	/** A stem's name as the rules read it: its words in order, and every piece a single entry may match. */
	private record Name(List<String> words, Set<String> pieces) {
	}

	private Name name(String stem) {
		List<String> words = new ArrayList<>();
		for (String w : words(stem)) {
			words.add(normal(w));
		}
		Set<String> pieces = new HashSet<>(words);
		for (String chunk : NON_WORD.split(AutoGrouping.baseName(stem))) {
			if (!chunk.isEmpty()) {
				pieces.add(normal(chunk.toLowerCase(Locale.ROOT)));
				for (String camel : CAMEL.split(chunk)) {
					pieces.add(normal(camel.toLowerCase(Locale.ROOT)));
				}
			}
		}
		return new Name(words, pieces);
	}

	/**
	 * The words of a stem's file name, lower case, in order: split at anything but letters and digits, at
	 * CamelCase and between letters and digits; numbers are not words.
	 */
	static List<String> words(String stem) {
		List<String> words = new ArrayList<>();
		for (String chunk : NON_WORD.split(AutoGrouping.baseName(stem))) {
			for (String camel : CAMEL.split(chunk)) {
				for (String part : LETTER_DIGIT.split(camel)) {
					if (!part.isEmpty() && Character.isLetter(part.charAt(0))) {
						words.add(part.toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		return words;
	}

	/**
	 * A word not in the rules counts as a word that is, one letter shorter, when that letter is a plural s
	 * ("toms") or a side ("ohl", "rmr").
	 */
	private String normal(String word) {
		if (vocabulary.contains(word) || word.length() < 3) {
			return word;
		}
		char last = word.charAt(word.length() - 1);
		String shorter = word.substring(0, word.length() - 1);
		if ((last == 's' || last == 'l' || last == 'r') && vocabulary.contains(shorter)) {
			return shorter;
		}
		return word;
	}

	private static void collect(Node n, Set<String> into) {
		for (String e : n.entries) {
			into.addAll(List.of(e.split(" ")));
		}
		for (Node c : n.children) {
			collect(c, into);
		}
	}

	// ------------------------------------------------------------------------------------------- tree

	/** A group: its name, its words in file order, the groups inside it in order. The root has no name. */
	private static final class Node {
		final String name;
		final Node parent;
		final Set<String> entries = new LinkedHashSet<>();
		final List<Node> children = new ArrayList<>();

		Node(String name, Node parent) {
			this.name = name;
			this.parent = parent;
		}

		Node copy(Node newParent) {
			Node n = new Node(name, newParent);
			n.entries.addAll(entries);
			for (Node c : children) {
				n.children.add(c.copy(n));
			}
			return n;
		}

		boolean isOther() {
			return parent != null && parent.parent == null && AutoGrouping.OTHER.equals(name);
		}

		/** Index of Other among the root's children. */
		int other() {
			for (int i = 0; i < children.size(); i++) {
				if (children.get(i).isOther()) {
					return i;
				}
			}
			return children.size();
		}

		List<String> path() {
			List<String> p = new ArrayList<>();
			for (Node n = this; n.parent != null; n = n.parent) {
				p.add(0, n.name);
			}
			return List.copyOf(p);
		}

		Node find(List<String> path) {
			Node n = this;
			for (String part : path) {
				Node next = null;
				for (Node c : n.children) {
					if (c.name.equalsIgnoreCase(part)) {
						next = c;
					}
				}
				if (next == null) {
					return null;
				}
				n = next;
			}
			return n;
		}

		/** The group anywhere below this one called {@code name} (any case), or null. */
		Node named(String name) {
			for (Node c : children) {
				Node n = c.name.equalsIgnoreCase(name) ? c : c.named(name);
				if (n != null) {
					return n;
				}
			}
			return null;
		}

		boolean isWithin(Node ancestor) {
			for (Node n = this; n != null; n = n.parent) {
				if (n == ancestor) {
					return true;
				}
			}
			return false;
		}

		/** A group and those around or inside it: where one word may be listed more than once. */
		boolean sameBranch(Node other) {
			return isWithin(other) || other.isWithin(this);
		}

		void removeOffBranch(String entry, Node keep) {
			if (parent != null && !sameBranch(keep)) {
				entries.remove(entry);
			}
			for (Node c : children) {
				c.removeOffBranch(entry, keep);
			}
		}

		void preorder(Consumer<Node> visit) {
			for (Node c : children) {
				visit.accept(c);
				c.preorder(visit);
			}
		}

		boolean matchesWord(Name name) {
			for (String e : entries) {
				if (e.indexOf(' ') < 0 && name.pieces().contains(e)) {
					return true;
				}
			}
			return false;
		}

		boolean matchesPhrase(Name name) {
			for (String e : entries) {
				if (e.indexOf(' ') > 0 && Collections.indexOfSubList(name.words(), List.of(e.split(" "))) >= 0) {
					return true;
				}
			}
			return false;
		}
	}
}
