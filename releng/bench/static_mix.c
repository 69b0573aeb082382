/*
 * The static mix of ../shared/bench's RW1-lin routing (DYN=0, without the EQs), as a plain single-threaded C
 * program: the reference that `./mixtree bench static` prints beside Mixtree's engine time (issue 13: "a plain C
 * program doing the static mix"). Built by bench.sh with the system compiler (cc -O2).
 *
 *   static_mix OUT.wav SUB_GAIN FILE GL GR BUS [FILE GL GR BUS ...]
 *
 * Each FILE is a 16- or 24-bit PCM WAV (mono or stereo, WAVE_FORMAT_PCM or EXTENSIBLE) read in blocks of 4096
 * frames; a mono track adds GL*x to the left and GR*x to the right of bus BUS (0-3), a stereo one GL*xL and GR*xR.
 * Sub A = (bus 0 + bus 1) * SUB_GAIN, Sub B = (bus 2 + bus 3) * SUB_GAIN, master = A + B, written as a stereo
 * 32-bit float WAV at the stems' rate, as long as the longest stem. The same sums in float as Mixtree's engine
 * (tracks in order into their bus, buses into subs, subs into the master), so the output matches Mixtree's to
 * float rounding; it is a timing reference, not a bit-exact one.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 4096

typedef struct {
	FILE *f;
	int channels, bytes;
	long frames, done;
	float gl, gr;
	int bus;
	unsigned char *raw;
} Track;

static uint32_t le32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t) p[3] << 24; }
static uint16_t le16(const unsigned char *p) { return (uint16_t) (p[0] | p[1] << 8); }

static void die(const char *what, const char *file) {
	fprintf(stderr, "static_mix: %s: %s\n", file, what);
	exit(1);
}

static int rate;

static void open_track(Track *t, const char *file) {
	unsigned char h[12], c[8], fmt[40];
	t->f = fopen(file, "rb");
	if (!t->f) die("cannot open", file);
	setvbuf(t->f, NULL, _IOFBF, 1 << 16);
	if (fread(h, 1, 12, t->f) != 12 || memcmp(h, "RIFF", 4) || memcmp(h + 8, "WAVE", 4)) die("not a WAV file", file);
	int have_fmt = 0;
	for (;;) {
		if (fread(c, 1, 8, t->f) != 8) die("no data chunk", file);
		uint32_t size = le32(c + 4);
		if (!memcmp(c, "fmt ", 4)) {
			if (size < 16 || size > sizeof fmt || fread(fmt, 1, size, t->f) != size) die("bad fmt chunk", file);
			t->channels = le16(fmt + 2);
			rate = (int) le32(fmt + 4);
			t->bytes = le16(fmt + 14) / 8;
			have_fmt = 1;
			if (size & 1) fseek(t->f, 1, SEEK_CUR);
		} else if (!memcmp(c, "data", 4)) {
			if (!have_fmt) die("data before fmt", file);
			if ((t->channels != 1 && t->channels != 2) || (t->bytes != 2 && t->bytes != 3)) die("not 16/24-bit mono/stereo", file);
			t->frames = size / (t->channels * t->bytes);
			break;
		} else {
			fseek(t->f, size + (size & 1), SEEK_CUR);
		}
	}
	t->raw = malloc((size_t) BLOCK * t->channels * t->bytes);
}

static void put32(FILE *f, uint32_t v) { unsigned char b[4] = { v, v >> 8, v >> 16, v >> 24 }; fwrite(b, 1, 4, f); }
static void put16(FILE *f, uint16_t v) { unsigned char b[2] = { v, v >> 8 }; fwrite(b, 1, 2, f); }

int main(int argc, char **argv) {
	if (argc < 7 || (argc - 3) % 4) {
		fprintf(stderr, "usage: static_mix OUT.wav SUB_GAIN FILE GL GR BUS [FILE GL GR BUS ...]\n");
		return 2;
	}
	float sub = strtof(argv[2], NULL);
	int n = (argc - 3) / 4;
	Track *tracks = calloc(n, sizeof *tracks);
	long frames = 0;
	for (int i = 0; i < n; i++) {
		Track *t = &tracks[i];
		open_track(t, argv[3 + 4 * i]);
		t->gl = strtof(argv[4 + 4 * i], NULL);
		t->gr = strtof(argv[5 + 4 * i], NULL);
		t->bus = atoi(argv[6 + 4 * i]) & 3;
		if (t->frames > frames) frames = t->frames;
	}
	FILE *out = fopen(argv[1], "wb");
	if (!out) die("cannot write", argv[1]);
	setvbuf(out, NULL, _IOFBF, 1 << 16);
	uint32_t data = (uint32_t) (frames * 8);
	/* WAVE_FORMAT_IEEE_FLOAT with the 18-byte fmt chunk (cbSize 0) that float WAV files carry */
	fwrite("RIFF", 1, 4, out); put32(out, 38 + data); fwrite("WAVEfmt ", 1, 8, out);
	put32(out, 18); put16(out, 3); put16(out, 2); put32(out, rate); put32(out, rate * 8); put16(out, 8); put16(out, 32);
	put16(out, 0);
	fwrite("data", 1, 4, out); put32(out, data);

	static float bus[4][2][BLOCK], x[2][BLOCK], o[2 * BLOCK];
	for (long at = 0; at < frames; at += BLOCK) {
		int m = frames - at < BLOCK ? (int) (frames - at) : BLOCK;
		memset(bus, 0, sizeof bus);
		for (int i = 0; i < n; i++) {
			Track *t = &tracks[i];
			int k = t->frames - t->done < m ? (int) (t->frames - t->done) : m;
			if (k <= 0) continue;
			size_t want = (size_t) k * t->channels * t->bytes;
			if (fread(t->raw, 1, want, t->f) != want) die("truncated", argv[3 + 4 * i]);
			t->done += k;
			const unsigned char *p = t->raw;
			int ch = t->channels;
			if (t->bytes == 3) {
				for (int j = 0; j < k; j++)
					for (int c = 0; c < ch; c++, p += 3)
						x[c][j] = (float) ((int32_t) ((uint32_t) p[0] << 8 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 24) >> 8) * (1.0f / 8388608.0f);
			} else {
				for (int j = 0; j < k; j++)
					for (int c = 0; c < ch; c++, p += 2)
						x[c][j] = (float) (int16_t) le16(p) * (1.0f / 32768.0f);
			}
			float *l = bus[t->bus][0], *r = bus[t->bus][1];
			const float *xl = x[0], *xr = x[ch - 1];
			for (int j = 0; j < k; j++) l[j] += t->gl * xl[j];
			for (int j = 0; j < k; j++) r[j] += t->gr * xr[j];
		}
		for (int j = 0; j < m; j++) {
			float al = (bus[0][0][j] + bus[1][0][j]) * sub, ar = (bus[0][1][j] + bus[1][1][j]) * sub;
			float bl = (bus[2][0][j] + bus[3][0][j]) * sub, br = (bus[2][1][j] + bus[3][1][j]) * sub;
			o[2 * j] = al + bl;
			o[2 * j + 1] = ar + br;
		}
		fwrite(o, sizeof(float), (size_t) 2 * m, out); /* little-endian hosts */
	}
	if (fclose(out)) die("write failed", argv[1]);
	return 0;
}
