package org.mixtree.cli;

/**
 * A small JSON writer for the command line's machine-readable output, strict RFC 8259: numbers are written as Java
 * prints doubles; a gain of -inf dB, which JSON has no number for, is the string {@code "-inf"} (as the command
 * line prints and reads it), +inf {@code "inf"}, NaN {@code null}.
 */
final class Json {
	private final StringBuilder out = new StringBuilder();
	private boolean needComma;

	Json beginObject() {
		comma();
		out.append('{');
		needComma = false;
		return this;
	}

	Json endObject() {
		out.append('}');
		needComma = true;
		return this;
	}

	Json beginArray() {
		comma();
		out.append('[');
		needComma = false;
		return this;
	}

	Json endArray() {
		out.append(']');
		needComma = true;
		return this;
	}

	Json name(String name) {
		comma();
		string(name);
		out.append(": ");
		needComma = false;
		return this;
	}

	Json value(String s) {
		comma();
		if (s == null) {
			out.append("null");
		} else {
			string(s);
		}
		needComma = true;
		return this;
	}

	Json value(double d) {
		comma();
		if (d == Double.NEGATIVE_INFINITY) {
			out.append("\"-inf\"");
		} else if (d == Double.POSITIVE_INFINITY) {
			out.append("\"inf\"");
		} else if (Double.isNaN(d)) {
			out.append("null");
		} else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
			out.append((long) d).append(".0");
		} else {
			out.append(d);
		}
		needComma = true;
		return this;
	}

	Json value(long n) {
		comma();
		out.append(n);
		needComma = true;
		return this;
	}

	Json value(boolean b) {
		comma();
		out.append(b);
		needComma = true;
		return this;
	}

	private void comma() {
		if (needComma) {
			out.append(", ");
			needComma = false;
		}
	}

	private void string(String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '"':
				out.append("\\\"");
				break;
			case '\\':
				out.append("\\\\");
				break;
			case '\n':
				out.append("\\n");
				break;
			case '\r':
				out.append("\\r");
				break;
			case '\t':
				out.append("\\t");
				break;
			default:
				if (c < 0x20) {
					out.append(String.format("\\u%04x", (int) c));
				} else {
					out.append(c);
				}
			}
		}
		out.append('"');
	}

	@Override
	public String toString() {
		return out.toString();
	}
}
