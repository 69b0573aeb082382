package org.mixtree.audio.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference tools (sox, ffmpeg, flac) the tests compare against. A missing tool fails the test with the
 * Debian package to install: a reference that is not there is not a reason to pass.
 */
final class Tools {
	private Tools() {
	}

	/** Fails unless {@code tool} is on the PATH. */
	static void require(String tool, String aptPackage) {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, tool))) {
				return;
			}
		}
		fail(tool + " is needed as the reference for this test but is not installed: apt-get install " + aptPackage);
	}

	/** Runs a command, fails with its output unless it exits with 0; returns standard output. */
	static String run(String... command) {
		require(command[0], aptPackage(command[0]));
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
			p.getOutputStream().close();
			byte[] out = p.getInputStream().readAllBytes();
			byte[] err = p.getErrorStream().readAllBytes();
			if (!p.waitFor(120, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				fail("timed out: " + String.join(" ", command));
			}
			if (p.exitValue() != 0) {
				fail("exit " + p.exitValue() + ": " + String.join(" ", command) + "\n"
						+ new String(err, StandardCharsets.UTF_8));
			}
			return new String(out, StandardCharsets.UTF_8).trim();
		} catch (IOException e) {
			return fail("cannot run " + String.join(" ", command) + ": " + e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return fail("interrupted");
		}
	}

	/** @return the Debian package that brings {@code tool} */
	static String aptPackage(String tool) {
		return tool.startsWith("ff") ? "ffmpeg" : tool.equals("flac") || tool.equals("metaflac") ? "flac" : "sox";
	}

	static String sox(String... args) {
		return run(concat("sox", args));
	}

	/** ffmpeg, quiet and overwriting */
	static String ffmpeg(String... args) {
		return run(concat(new String[] { "ffmpeg", "-nostdin", "-v", "error", "-y" }, args));
	}

	private static String[] concat(String first, String... rest) {
		return concat(new String[] { first }, rest);
	}

	private static String[] concat(String[] a, String... b) {
		List<String> l = new ArrayList<>(Arrays.asList(a));
		l.addAll(Arrays.asList(b));
		return l.toArray(String[]::new);
	}

	/** @return the samples sox decodes from {@code file}, as planar 32-bit float */
	static float[][] soxDecode(Path file, int channels) throws IOException {
		Path raw = file.resolveSibling(file.getFileName() + ".sox.raw");
		sox(file.toString(), "-t", "raw", "-e", "floating-point", "-b", "32", "-L", raw.toString());
		return deinterleave(Files.readAllBytes(raw), channels);
	}

	/** @return the samples ffmpeg decodes from {@code file}, as planar 32-bit float */
	static float[][] ffmpegDecode(Path file, int channels) throws IOException {
		Path raw = file.resolveSibling(file.getFileName() + ".ff.raw");
		ffmpeg("-i", file.toString(), "-f", "f32le", "-c:a", "pcm_f32le", raw.toString());
		return deinterleave(Files.readAllBytes(raw), channels);
	}

	/** @return {@code sox --i -<flag>} of the file, e.g. flag 'c' for channels, 'r' for the rate, 's' for samples */
	static long soxInfo(Path file, char flag) {
		return Long.parseLong(run("sox", "--i", "-" + flag, file.toString()));
	}

	/** @return the value of {@code entry} (channels, sample_rate...) of the first audio stream, as ffprobe says */
	static long ffprobe(Path file, String entry) {
		return Long.parseLong(run("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries", "stream=" + entry,
				"-of", "default=nw=1:nk=1", file.toString()));
	}

	static float[][] deinterleave(byte[] bytes, int channels) {
		assertEquals(0, bytes.length % (4 * channels), "raw length is whole frames");
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		int frames = bytes.length / 4 / channels;
		float[][] out = new float[channels][frames];
		for (int i = 0; i < frames; i++) {
			for (int c = 0; c < channels; c++) {
				out[c][i] = b.getFloat();
			}
		}
		return out;
	}

	/** Reads a whole file through the reader in blocks of an odd size, to cross buffer boundaries mid-frame. */
	static float[][] readAll(AudioFileReader r) throws IOException {
		int frames = Math.toIntExact(r.frames());
		float[][] out = new float[r.channels()][frames];
		int done = 0;
		while (true) {
			int n = r.read(out, done, Math.min(1013, frames - done));
			if (n == 0) {
				break;
			}
			done += n;
		}
		assertEquals(frames, done, "frames delivered");
		return out;
	}
}
