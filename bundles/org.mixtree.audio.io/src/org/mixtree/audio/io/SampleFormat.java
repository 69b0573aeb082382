package org.mixtree.audio.io;

/** Sample formats Mixtree writes. Integer formats are clipped and TPDF-dithered; float is never clipped. */
public enum SampleFormat {
	/** IEEE 32-bit float (WAVE_FORMAT_IEEE_FLOAT) */
	F32("f32", 32),
	/** 24-bit PCM */
	S24("s24", 24),
	/** 16-bit PCM */
	S16("s16", 16);

	private final String id;
	private final int bits;

	SampleFormat(String id, int bits) {
		this.id = id;
		this.bits = bits;
	}

	/** @return the command-line name: f32, s24 or s16 */
	public String id() {
		return id;
	}

	public int bitsPerSample() {
		return bits;
	}

	/** @return the format named {@code id} (f32, s24, s16) or null */
	public static SampleFormat byId(String id) {
		for (SampleFormat f : values()) {
			if (f.id.equals(id)) {
				return f;
			}
		}
		return null;
	}
}
