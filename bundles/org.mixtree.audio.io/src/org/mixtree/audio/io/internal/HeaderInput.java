package org.mixtree.audio.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.mixtree.audio.io.AudioFileException;

/**
 * Positional reads of header bytes, with the one error message a header cut short deserves. Header parsing
 * happens once per open, so the small buffers allocated here do not matter; sample reads never come here.
 */
final class HeaderInput {
	private final Path path;
	private final FileChannel channel;
	private final long size;

	HeaderInput(Path path, FileChannel channel, long size) {
		this.path = path;
		this.channel = channel;
		this.size = size;
	}

	long size() {
		return size;
	}

	Path path() {
		return path;
	}

	/**
	 * @param what names the structure for the error message, e.g. {@code "fmt chunk"}
	 * @return {@code length} bytes from {@code position}, flipped, in {@code order}
	 * @throws AudioFileException when the file ends before them
	 */
	ByteBuffer read(long position, int length, ByteOrder order, String what) throws IOException {
		if (position + length > size) {
			throw new AudioFileException(path, "header cut short: the " + what + " at byte " + position + " needs "
					+ length + " bytes but the file ends at byte " + size);
		}
		ByteBuffer b = ByteBuffer.allocate(length).order(order);
		while (b.hasRemaining()) {
			int n = channel.read(b, position + b.position());
			if (n < 0) {
				throw new AudioFileException(path, "header cut short: the file ended while reading the " + what);
			}
		}
		return b.flip();
	}

	/** @return the four-character chunk id at the buffer's position, non-printable bytes shown as '?' */
	static String fourcc(ByteBuffer b) {
		char[] c = new char[4];
		for (int i = 0; i < 4; i++) {
			int x = b.get() & 0xFF;
			c[i] = x >= 0x20 && x < 0x7F ? (char) x : '?';
		}
		return new String(c);
	}

	AudioFileException corrupt(String problem) {
		return new AudioFileException(path, "corrupt header: " + problem);
	}

	AudioFileException unsupported(String problem) {
		return new AudioFileException(path, problem);
	}

	/** The data is declared longer than what the file holds: the classic result of a recorder that crashed. */
	AudioFileException truncated(String chunk, long declared, long available) {
		return new AudioFileException(path, "truncated file: the " + chunk + " chunk declares " + declared
				+ " bytes of audio but the file holds only " + Math.max(0, available));
	}
}
