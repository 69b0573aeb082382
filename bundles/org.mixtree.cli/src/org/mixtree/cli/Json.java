package org.mixtree.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * The command line's machine-readable output ({@code info --json}, {@code effects --json}), written by jackson-core's
 * streaming {@link JsonGenerator}: strict RFC 8259 (the generator escapes strings, refuses a name where a value
 * belongs, an unbalanced end and a repeated name in one object). What JSON has no number for keeps the command
 * line's words: a gain of -inf dB is the string {@code "-inf"} (as the command line prints and reads it), +inf
 * {@code "inf"}; NaN has no meaning in a mix and is refused ({@link IllegalArgumentException} naming the key).
 * Numbers keep the form the output always had: a double as Java prints it, a whole double below 1e15 as
 * {@code -3.0}; one space after each {@code :} and {@code ,} and nothing else.
 */
final class Json {

	private static final JsonFactory FACTORY = JsonFactory.builder()
			.enable(StreamWriteFeature.STRICT_DUPLICATE_DETECTION)
			.disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
			.build();

	private final StringWriter text = new StringWriter();
	private final JsonGenerator g;
	/** The last name written, for the message of a refused value. */
	private String lastName;

	Json() {
		try {
			g = FACTORY.createGenerator(text);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		g.setPrettyPrinter(SPACED);
	}

	/** One generator call; a {@link StringWriter} does not fail, so an I/O error here is the generator's refusal. */
	private interface Write {
		void run() throws IOException;
	}

	private Json write(Write w) {
		try {
			w.run();
		} catch (IOException e) {
			// JsonGenerationException: a call out of place (a value where a name belongs, a duplicate name)
			String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
			throw new IllegalStateException("JSON output: " + why, e);
		}
		return this;
	}

	Json beginObject() {
		return write(g::writeStartObject);
	}

	Json endObject() {
		return write(g::writeEndObject);
	}

	Json beginArray() {
		return write(g::writeStartArray);
	}

	Json endArray() {
		return write(g::writeEndArray);
	}

	Json name(String name) {
		lastName = name;
		return write(() -> g.writeFieldName(name));
	}

	Json value(String s) {
		return write(() -> {
			if (s == null) {
				g.writeNull();
			} else {
				g.writeString(s);
			}
		});
	}

	Json value(double d) {
		if (Double.isNaN(d)) {
			throw new IllegalArgumentException("JSON output: \"" + lastName + "\" is NaN, which has no JSON form");
		}
		return write(() -> {
			if (d == Double.NEGATIVE_INFINITY) {
				g.writeString("-inf");
			} else if (d == Double.POSITIVE_INFINITY) {
				g.writeString("inf");
			} else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
				// -3.0, not -3: a gain reads as a decimal number, as it always has
				g.writeNumber((long) d + ".0");
			} else {
				// finite: Java's shortest repetition (1.5E-7, -0.5) is a JSON number
				g.writeNumber(Double.toString(d));
			}
		});
	}

	Json value(long n) {
		return write(() -> g.writeNumber(n));
	}

	Json value(boolean b) {
		return write(() -> g.writeBoolean(b));
	}

	/**
	 * @return the document
	 * @throws IllegalStateException when an object or array is still open
	 */
	@Override
	public String toString() {
		if (!g.getOutputContext().inRoot()) {
			throw new IllegalStateException("JSON output: an object or array is still open");
		}
		write(g::flush);
		return text.toString();
	}

	/** {@code {"a": 1, "b": [1, 2]}}: the layout the command line has always written. */
	private static final PrettyPrinter SPACED = new PrettyPrinter() {
		@Override
		public void writeRootValueSeparator(JsonGenerator gen) throws IOException {
			gen.writeRaw(' ');
		}

		@Override
		public void writeStartObject(JsonGenerator gen) throws IOException {
			gen.writeRaw('{');
		}

		@Override
		public void beforeObjectEntries(JsonGenerator gen) {
		}

		@Override
		public void writeObjectFieldValueSeparator(JsonGenerator gen) throws IOException {
			gen.writeRaw(": ");
		}

		@Override
		public void writeObjectEntrySeparator(JsonGenerator gen) throws IOException {
			gen.writeRaw(", ");
		}

		@Override
		public void writeEndObject(JsonGenerator gen, int entries) throws IOException {
			gen.writeRaw('}');
		}

		@Override
		public void writeStartArray(JsonGenerator gen) throws IOException {
			gen.writeRaw('[');
		}

		@Override
		public void beforeArrayValues(JsonGenerator gen) {
		}

		@Override
		public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
			gen.writeRaw(", ");
		}

		@Override
		public void writeEndArray(JsonGenerator gen, int values) throws IOException {
			gen.writeRaw(']');
		}
	};
}
