package org.mixtree.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict little JSON reader for the tests (RFC 8259: objects, arrays, strings, numbers, booleans, null). */
final class MiniJson {
	private final String s;
	private int i;

	private MiniJson(String s) {
		this.s = s;
	}

	static Object parse(String text) {
		MiniJson p = new MiniJson(text.trim());
		Object v = p.value();
		p.ws();
		if (p.i != p.s.length()) {
			throw new IllegalArgumentException("trailing text at " + p.i + ": " + text);
		}
		return v;
	}

	private void ws() {
		while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
			i++;
		}
	}

	private Object value() {
		ws();
		char c = s.charAt(i);
		if (c == '{') {
			i++;
			Map<String, Object> m = new LinkedHashMap<>();
			ws();
			if (s.charAt(i) == '}') {
				i++;
				return m;
			}
			while (true) {
				ws();
				String k = string();
				ws();
				expect(':');
				m.put(k, value());
				ws();
				if (s.charAt(i) == ',') {
					i++;
				} else {
					expect('}');
					return m;
				}
			}
		}
		if (c == '[') {
			i++;
			List<Object> l = new ArrayList<>();
			ws();
			if (s.charAt(i) == ']') {
				i++;
				return l;
			}
			while (true) {
				l.add(value());
				ws();
				if (s.charAt(i) == ',') {
					i++;
				} else {
					expect(']');
					return l;
				}
			}
		}
		if (c == '"') {
			return string();
		}
		if (s.startsWith("true", i)) {
			i += 4;
			return Boolean.TRUE;
		}
		if (s.startsWith("false", i)) {
			i += 5;
			return Boolean.FALSE;
		}
		if (s.startsWith("null", i)) {
			i += 4;
			return null;
		}
		int start = i;
		while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
			i++;
		}
		return Double.parseDouble(s.substring(start, i));
	}

	private String string() {
		expect('"');
		StringBuilder b = new StringBuilder();
		while (s.charAt(i) != '"') {
			char c = s.charAt(i++);
			if (c == '\\') {
				char e = s.charAt(i++);
				switch (e) {
				case 'n' -> b.append('\n');
				case 't' -> b.append('\t');
				case 'r' -> b.append('\r');
				case 'b' -> b.append('\b');
				case 'f' -> b.append('\f');
				case '"', '\\', '/' -> b.append(e);
				case 'u' -> {
					b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
					i += 4;
				}
				default -> throw new IllegalArgumentException("bad escape \\" + e + " at " + (i - 1) + " in " + s);
				}
			} else if (c < 0x20) {
				throw new IllegalArgumentException("raw control character " + (int) c + " in a string at " + (i - 1));
			} else {
				b.append(c);
			}
		}
		i++;
		return b.toString();
	}

	private void expect(char c) {
		if (s.charAt(i) != c) {
			throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + s);
		}
		i++;
	}
}
