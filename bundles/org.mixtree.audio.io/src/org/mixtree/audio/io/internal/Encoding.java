package org.mixtree.audio.io.internal;

/** How one sample is stored in the data of a file this bundle reads. */
public enum Encoding {
	S16LE(2, false, false), S24LE(3, false, false), S32LE(4, false, false), F32LE(4, false, true), F64LE(8, false, true),
	S16BE(2, true, false), S24BE(3, true, false), S32BE(4, true, false), F32BE(4, true, true), F64BE(8, true, true);

	private final int bytes;
	private final boolean bigEndian;
	private final boolean floating;

	Encoding(int bytes, boolean bigEndian, boolean floating) {
		this.bytes = bytes;
		this.bigEndian = bigEndian;
		this.floating = floating;
	}

	public int bytesPerSample() {
		return bytes;
	}

	public boolean bigEndian() {
		return bigEndian;
	}

	public boolean floating() {
		return floating;
	}

	/** @return the encoding of integer PCM of {@code bits} (16, 24 or 32) bits, or null for any other size */
	public static Encoding pcm(int bits, boolean bigEndian) {
		return switch (bits) {
		case 16 -> bigEndian ? S16BE : S16LE;
		case 24 -> bigEndian ? S24BE : S24LE;
		case 32 -> bigEndian ? S32BE : S32LE;
		default -> null;
		};
	}

	/** @return the encoding of IEEE float of {@code bits} (32 or 64) bits, or null for any other size */
	public static Encoding ieeeFloat(int bits, boolean bigEndian) {
		return switch (bits) {
		case 32 -> bigEndian ? F32BE : F32LE;
		case 64 -> bigEndian ? F64BE : F64LE;
		default -> null;
		};
	}
}
