package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mixtree.cli.CliEndToEndTest.Result;

/**
 * {@code views [--json]} end to end, in this test runtime, which has the test views of
 * org.mixtree.ui.views.testviews installed (a bundle in no feature) besides whatever views the product's bundles
 * declare: each declaration is one entry with exactly its id, name, kind and contributing bundle, read from
 * plugin.xml as the expectations below spell it out; a declaration with a wrong kind is left out and named on
 * stderr; the JSON parses (RFC 8259).
 */
class ViewsCliTest {
	static final String TEST_VIEWS = "org.mixtree.ui.views.testviews";

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> views(Result r) {
		Map<String, Object> json = (Map<String, Object>) MiniJson.parse(r.out());
		assertEquals(Set.of("views"), json.keySet());
		return (List<Map<String, Object>>) json.get("views");
	}

	@Test
	void jsonListsEachDeclaredViewWithItsIdNameKindAndBundle() {
		Result r = CliEndToEndTest.ok("views", "--json");
		List<Map<String, Object>> views = views(r);
		Map<String, Map<String, Object>> ours = new LinkedHashMap<>();
		for (Map<String, Object> v : views) {
			assertTrue(v.keySet().containsAll(List.of("id", "name", "kind", "bundle")), v.toString());
			assertTrue(Set.of("id", "name", "kind", "bundle", "needs", "effect", "description").containsAll(v.keySet()),
					v.toString());
			assertTrue(List.of("routing", "visualisation", "editor").contains(v.get("kind")), v.toString());
			if (TEST_VIEWS.equals(v.get("bundle"))) {
				ours.put((String) v.get("id"), v);
			}
		}
		assertEquals(List.of("org.mixtree.ui.views.testviews.buses", "org.mixtree.ui.views.testviews.channels",
				"org.mixtree.ui.views.testviews.level", "org.mixtree.ui.views.testviews.utility"),
				new ArrayList<>(ours.keySet()), "by kind, then id; the one with kind 'sideways' left out");
		assertEquals(Map.of("id", "org.mixtree.ui.views.testviews.channels", "name", "Channel list", "kind", "routing",
				"bundle", TEST_VIEWS, "needs", List.of("session", "channel"), "description",
				"Every channel in a list, selection shared with the console"), ours.get("org.mixtree.ui.views.testviews.channels"));
		assertEquals(Map.of("id", "org.mixtree.ui.views.testviews.buses", "name", "Bus outline", "kind", "routing",
				"bundle", TEST_VIEWS, "needs", List.of("session")), ours.get("org.mixtree.ui.views.testviews.buses"));
		assertEquals("visualisation", ours.get("org.mixtree.ui.views.testviews.level").get("kind"));
		assertEquals(List.of("channel", "master", "tap"), ours.get("org.mixtree.ui.views.testviews.level").get("needs"));
		assertEquals(Map.of("id", "org.mixtree.ui.views.testviews.utility", "name", "Utility trim", "kind", "editor",
				"bundle", TEST_VIEWS, "needs", List.of("insert"), "effect", "org.mixtree.utility"),
				ours.get("org.mixtree.ui.views.testviews.utility"));
		assertEquals("mixtree: views: org.mixtree.ui.views.testviews: view org.mixtree.ui.views.testviews.wrong has kind"
				+ " 'sideways' (routing, visualisation or editor); left out\n", r.err());
	}

	@Test
	void textIsOneLinePerViewAndExtraWordsAreAUsageError() {
		String out = CliEndToEndTest.ok("views").out();
		assertTrue(out.contains("org.mixtree.ui.views.testviews.channels  Channel list  (routing, " + TEST_VIEWS + ")\n"),
				out);
		assertTrue(out.contains("org.mixtree.ui.views.testviews.utility  Utility trim  (editor, " + TEST_VIEWS
				+ ", edits org.mixtree.utility)\n"), out);
		assertFalse(out.contains("wrong"), out);
		Result r = CliEndToEndTest.cli("views", "extra");
		assertEquals(2, r.code(), r.err());
		assertEquals("", r.out());
	}

	@Test
	void helpAndCompletionKnowTheCommand() {
		assertTrue(CliEndToEndTest.ok("help").out().contains("\n  views [--json] "), "help lists views");
		String script = CliEndToEndTest.ok("completion").out();
		assertTrue(script.contains("views"), "the completion script knows views");
	}
}
