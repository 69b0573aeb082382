package org.mixtree.ui.views.host.internal;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.mixtree.audio.io.AudioFileInfo;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.ui.Playback;
import org.mixtree.ui.views.TransportState;

/**
 * The transport as views see it: the workbench's {@link Playback}. The session's length (its longest source on the
 * time line) is measured once from the sources' headers on a pool thread when the context is made; it reads 0
 * until then. [any] reads, [UI] {@link #locate} and {@link #setLoop}.
 */
final class HostTransport implements TransportState {
	private final Playback playback;
	private final int sampleRate;
	private volatile long length;

	HostTransport(Playback playback, Session session, Path file) {
		this.playback = playback;
		this.sampleRate = session.getSampleRate();
		Path base = file == null ? Path.of(".") : file.toAbsolutePath().getParent();
		int n = session.getTracks().size();
		String[] sources = new String[n];
		long[] offsets = new long[n];
		for (int i = 0; i < n; i++) {
			Track t = session.getTracks().get(i);
			sources[i] = t.getSource();
			offsets[i] = t.getOffsetFrames();
		}
		CompletableFuture.runAsync(() -> length = lengthOf(base, sources, offsets, sampleRate));
	}

	/** [any] The end of the longest source on the time line, in frames at {@code rate}; unreadable ones count 0. */
	static long lengthOf(Path base, String[] sources, long[] offsets, int rate) {
		long end = 0;
		for (int i = 0; i < sources.length; i++) {
			if (sources[i] == null) {
				continue;
			}
			try {
				AudioFileInfo info = AudioFiles.info(base.resolve(sources[i]).normalize());
				long frames = info.sampleRate() == rate ? info.frames()
						: (long) Math.ceil((double) info.frames() * rate / info.sampleRate());
				end = Math.max(end, offsets[i] + frames);
			} catch (Exception e) {
				// a missing source plays as silence
			}
		}
		return end;
	}

	@Override
	public int sampleRate() {
		return sampleRate;
	}

	@Override
	public long positionFrames() {
		return playback == null ? 0 : playback.positionFrames();
	}

	@Override
	public long lengthFrames() {
		return length;
	}

	@Override
	public boolean isPlaying() {
		return playback != null && playback.isPlaying();
	}

	@Override
	public long[] loopRange() {
		return playback == null ? null : playback.range();
	}

	@Override
	public void locate(long frame) {
		if (playback != null) {
			playback.locate(frame);
		}
	}

	@Override
	public void setLoop(long[] range) {
		if (playback == null) {
			return;
		}
		if (range == null) {
			playback.setRange(-1, -1);
			return;
		}
		if (range.length != 2 || range[1] <= range[0] || range[0] < 0) {
			throw new IllegalArgumentException("a loop range is {start, end} frames with end > start >= 0");
		}
		playback.setRange(range[0], range[1]);
		playback.setLooping(true);
	}
}
