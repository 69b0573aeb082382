package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@link Json} (jackson-core's generator under the command line's contract) read back by the tests' own strict
 * reader, {@link MiniJson}: the layout and number forms the output always had, every string escaped, -inf and inf
 * as the command line's words, and what RFC 8259 has no room for refused rather than written.
 */
class JsonTest {

	@Test
	void theLayoutAndNumbersAreTheOnesTheOutputAlwaysHad() {
		String json = new Json().beginObject().name("gainDb").value(-3.0).name("pan").value(0.25).name("tiny")
				.value(1.5e-7).name("rate").value(48000L).name("on").value(true).name("none").value((String) null)
				.name("list").beginArray().value(1L).value("x").beginObject().endObject().endArray().endObject()
				.toString();
		assertEquals("{\"gainDb\": -3.0, \"pan\": 0.25, \"tiny\": 1.5E-7, \"rate\": 48000, \"on\": true, "
				+ "\"none\": null, \"list\": [1, \"x\", {}]}", json);
		MiniJson.parse(json);
	}

	@Test
	void infinitiesAreTheCommandLinesWords() {
		String json = new Json().beginObject().name("gainDb").value(Double.NEGATIVE_INFINITY).name("max")
				.value(Double.POSITIVE_INFINITY).endObject().toString();
		assertEquals(Map.of("gainDb", "-inf", "max", "inf"), MiniJson.parse(json));
	}

	@Test
	void everyStringIsEscaped() {
		StringBuilder b = new StringBuilder("Pete's \"Gtr\" \\ / é 音 \uD83C\uDFB8 ");
		for (char c = 0; c < 0x20; c++) {
			b.append(c);
		}
		b.append('\u007F').append('\u2028');
		String name = b.toString();
		String json = new Json().beginObject().name(name).value(name).endObject().toString();
		for (int i = 0; i < json.length(); i++) {
			assertTrue(json.charAt(i) >= 0x20, "a control character left raw at " + i + ": " + json);
		}
		assertEquals(Map.of(name, name), MiniJson.parse(json));
	}

	@Test
	void nanAndMalformedDocumentsAreRefused() {
		IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
				() -> new Json().beginObject().name("levelDb").value(Double.NaN));
		assertEquals("JSON output: \"levelDb\" is NaN, which has no JSON form", nan.getMessage());
		// a name twice in one object (RFC 8259: names SHOULD be unique; no reader agrees on which one wins)
		assertThrows(IllegalStateException.class,
				() -> new Json().beginObject().name("a").value(1L).name("a").value(2L));
		// a value where a name belongs, an end that does not match, a document left open
		assertThrows(IllegalStateException.class, () -> new Json().beginObject().value("x"));
		assertThrows(IllegalStateException.class, () -> new Json().beginArray().endObject());
		assertThrows(IllegalStateException.class, () -> new Json().beginArray().value(1L).toString());
		assertEquals(List.of(), MiniJson.parse(new Json().beginArray().endArray().toString()));
	}
}
