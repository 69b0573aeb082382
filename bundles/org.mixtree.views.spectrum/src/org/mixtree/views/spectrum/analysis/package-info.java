/**
 * The spectrum analyser's SWT-free core, API for other views (version 1.0): {@link Spectrum} (a Hann-windowed FFT
 * in dBFS, amplitude-corrected), {@link SpectrumAnalyser} (overlapped frames of a stream, averaged),
 * {@link SpectrumWorker} (a worker thread reading {@code AudioTap}s and publishing the newest spectrum lock-free),
 * {@link PeakHoldCurve} and {@link LogAxis} (the 20 Hz - 20 kHz log axis and bins reduced to pixel columns). The EQ
 * editor draws its channel's live spectrum behind the curve with them. Nothing here touches SWT; each class says
 * which thread may call it.
 */
package org.mixtree.views.spectrum.analysis;
