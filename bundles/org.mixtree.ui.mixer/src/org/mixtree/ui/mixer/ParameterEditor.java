package org.mixtree.ui.mixer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.command.Command;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.Preset;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Insert;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.ui.mixer.internal.Palette;

/**
 * The generic parameter editor of one insert, built from its effect's descriptors: a slider per continuous
 * parameter (laid out as the parameter's scale says), a typed value read through the descriptor (so {@code 8k},
 * {@code -4.5 dB}, {@code peak} are values), reset to default, the factory presets and bypass. Every change is one
 * command on the one command stack (a slider drag is one command when it is let go); the editor shows the model's
 * values and follows undo and redo. A window of its own, not modal; custom editors come with the view SPI.
 */
public final class ParameterEditor {
	private static final int STEPS = 1000;

	private final ConsoleInput input;
	private final Insert insert;
	private final Runnable onClose;
	private final Shell shell;
	private final Palette palette;
	private final Optional<EffectFactory> effect;
	private final Map<String, Text> texts = new LinkedHashMap<>();
	private final Map<String, Scale> scales = new LinkedHashMap<>();
	private final Map<String, Combo> combos = new LinkedHashMap<>();
	private final Map<String, Button> toggles = new LinkedHashMap<>();
	private Button bypass;
	private Combo presets;
	private Label status;
	private boolean closed;

	ParameterEditor(Shell parent, ConsoleInput input, Insert insert, Runnable onClose) {
		this.input = input;
		this.insert = insert;
		this.onClose = onClose;
		this.effect = insert.getEffectId() == null ? Optional.empty() : input.effects().find(insert.getEffectId());
		shell = new Shell(parent, SWT.SHELL_TRIM | SWT.TOOL);
		palette = new Palette(shell.getDisplay(), true);
		shell.setText(title());
		shell.setBackground(palette.strip);
		shell.setLayout(new GridLayout(1, false));
		header();
		body();
		status = label(shell, "", palette.message);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		shell.addListener(SWT.Dispose, e -> {
			closed = true;
			palette.dispose();
			onClose.run();
		});
		refresh();
		Point size = shell.computeSize(560, SWT.DEFAULT);
		shell.setSize(560, Math.min(size.y, 720));
	}

	private String title() {
		Channel c = insert.eContainer() instanceof Channel ch ? ch : null;
		String name = effect.map(f -> f.descriptor().name()).orElse(insert.getEffectId());
		int slot = c == null ? 0 : c.getInserts().indexOf(insert) + 1;
		return name + " \u2014 " + (c == null ? "?" : ChannelAddress.of(c)) + " slot " + slot;
	}

	private void header() {
		Composite top = new Composite(shell, SWT.NONE);
		top.setBackground(palette.strip);
		top.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		top.setLayout(new GridLayout(4, false));
		Label name = label(top, effect.map(f -> f.descriptor().name() + "  \u00b7  " + f.descriptor().vendor() + " "
				+ f.descriptor().version()).orElse(insert.getEffectId() + " (not installed)"), palette.text);
		name.setFont(palette.name);
		name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		bypass = new Button(top, SWT.CHECK);
		bypass.setText("Bypass");
		style(bypass);
		bypass.addListener(SWT.Selection, e -> run(() -> SessionCommands.setInsertBypass(input.domain(), insert, bypass.getSelection())));
		presets = new Combo(top, SWT.READ_ONLY | SWT.DROP_DOWN);
		List<Preset> list = effect.map(f -> f.descriptor().presets()).orElse(List.of());
		presets.add("Presets\u2026");
		for (Preset p : list) {
			presets.add(p.name());
		}
		presets.select(0);
		presets.setEnabled(!list.isEmpty());
		presets.addListener(SWT.Selection, e -> {
			int i = presets.getSelectionIndex();
			if (i > 0) {
				applyPreset(list.get(i - 1));
			}
			presets.select(0);
		});
		Button resetAll = new Button(top, SWT.PUSH);
		resetAll.setText("Reset all");
		style(resetAll);
		resetAll.setEnabled(effect.isPresent());
		resetAll.addListener(SWT.Selection, e -> applyPreset(new Preset("defaults", Map.of())));
	}

	private void body() {
		ScrolledComposite scroll = new ScrolledComposite(shell, SWT.V_SCROLL);
		scroll.setBackground(palette.strip);
		scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		Composite grid = new Composite(scroll, SWT.NONE);
		grid.setBackground(palette.strip);
		GridLayout layout = new GridLayout(4, false);
		layout.horizontalSpacing = 10;
		layout.verticalSpacing = 6;
		grid.setLayout(layout);
		if (effect.isEmpty()) {
			label(grid, "This effect is not installed: the channel is silenced until it is, and its stored values are kept.",
					palette.message).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
			for (ParameterValue v : insert.getParameters()) {
				label(grid, v.getId(), palette.dim);
				label(grid, String.valueOf(v.getValue()), palette.text).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
			}
		} else {
			EffectDescriptor d = effect.get().descriptor();
			for (ParameterDescriptor p : d.parameters()) {
				row(grid, p);
			}
		}
		scroll.setContent(grid);
		scroll.setExpandHorizontal(true);
		scroll.setExpandVertical(true);
		scroll.setMinSize(grid.computeSize(520, SWT.DEFAULT));
	}

	private void row(Composite grid, ParameterDescriptor p) {
		Label name = label(grid, p.name(), palette.dim);
		name.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
		Control control;
		switch (p.scale()) {
		case ENUM -> {
			Combo combo = new Combo(grid, SWT.READ_ONLY | SWT.DROP_DOWN);
			for (String step : p.steps()) {
				combo.add(step);
			}
			combo.addListener(SWT.Selection, e -> set(p, combo.getSelectionIndex()));
			combos.put(p.id(), combo);
			control = combo;
		}
		case BOOLEAN -> {
			Button check = new Button(grid, SWT.CHECK);
			style(check);
			check.addListener(SWT.Selection, e -> set(p, check.getSelection() ? 1 : 0));
			toggles.put(p.id(), check);
			control = check;
		}
		default -> {
			Scale scale = new Scale(grid, SWT.HORIZONTAL);
			scale.setMinimum(0);
			scale.setMaximum(STEPS);
			scale.setPageIncrement(STEPS / 20);
			scale.setIncrement(STEPS / 200);
			scale.setBackground(palette.strip);
			// dragging shows the value; letting go makes the one command
			scale.addListener(SWT.Selection, e -> {
				double v = fromSlider(p, scale.getSelection());
				texts.get(p.id()).setText(p.format(v));
				input.engine().liveParameter(insert, p.id(), v);
			});
			Runnable commit = () -> {
				double v = fromSlider(p, scale.getSelection());
				if (Math.abs(toSlider(p, v) - toSlider(p, value(p))) > 0) {
					set(p, v);
				}
			};
			scale.addListener(SWT.MouseUp, e -> commit.run());
			scale.addListener(SWT.KeyUp, e -> commit.run());
			scales.put(p.id(), scale);
			control = scale;
		}
		}
		control.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Text text = new Text(grid, SWT.SINGLE | SWT.BORDER | SWT.RIGHT);
		text.setBackground(palette.editBack);
		text.setForeground(palette.text);
		GridData td = new GridData(SWT.FILL, SWT.CENTER, false, false);
		td.widthHint = 96;
		text.setLayoutData(td);
		text.setToolTipText(p.range() + " \u00b7 default " + p.format(p.defaultValue()));
		text.addListener(SWT.DefaultSelection, e -> {
			try {
				set(p, p.parse(text.getText()));
			} catch (IllegalArgumentException ex) {
				status(ex.getMessage());
			}
		});
		texts.put(p.id(), text);
		Button reset = new Button(grid, SWT.PUSH);
		reset.setText("default");
		style(reset);
		reset.setToolTipText("back to " + p.format(p.defaultValue()));
		reset.addListener(SWT.Selection, e -> set(p, p.defaultValue()));
	}

	private void applyPreset(Preset preset) {
		if (effect.isEmpty()) {
			return;
		}
		Map<String, Double> values = new LinkedHashMap<>();
		for (ParameterDescriptor p : effect.get().descriptor().parameters()) {
			Double v = preset.values().get(p.id());
			values.put(p.id(), v != null ? v : p.defaultValue());
		}
		run(() -> SessionCommands.setInsertParameters(input.domain(), insert, values));
	}

	private void set(ParameterDescriptor p, double v) {
		if (!p.accepts(v)) {
			status(p.id() + ": " + p.format(v) + " is outside " + p.range());
			return;
		}
		if (v == value(p) && stored(p.id()) != null) {
			refresh();
			return;
		}
		run(() -> SessionCommands.setInsertParameters(input.domain(), insert, Map.of(p.id(), v)));
	}

	private void run(java.util.function.Supplier<Command> make) {
		try {
			SessionCommands.execute(input.domain(), make.get());
			status("");
		} catch (CommandRefusedException e) {
			status("refused: " + e.getMessage());
			refresh();
		}
	}

	private void status(String text) {
		if (!status.isDisposed()) {
			status.setText(text);
			status.getParent().layout(new Control[] { status });
		}
	}

	/** The value the insert runs with: the stored one, else the effect's default. */
	public double value(ParameterDescriptor p) {
		ParameterValue v = stored(p.id());
		return v == null ? p.defaultValue() : v.getValue();
	}

	private ParameterValue stored(String id) {
		for (ParameterValue v : insert.getParameters()) {
			if (id.equals(v.getId())) {
				return v;
			}
		}
		return null;
	}

	/** Shows the model's values again (after any change, undo and redo included); closes when the insert is gone. */
	void refresh() {
		if (closed || shell.isDisposed()) {
			return;
		}
		if (!(insert.eContainer() instanceof Channel)) {
			close();
			return;
		}
		shell.setText(title());
		bypass.setSelection(insert.isBypass());
		if (effect.isEmpty()) {
			return;
		}
		for (ParameterDescriptor p : effect.get().descriptor().parameters()) {
			double v = value(p);
			Text t = texts.get(p.id());
			if (t != null && !t.isDisposed()) {
				String s = p.format(v);
				if (!s.equals(t.getText())) {
					t.setText(s);
				}
			}
			Scale sc = scales.get(p.id());
			if (sc != null) {
				sc.setSelection(toSlider(p, v));
			}
			Combo c = combos.get(p.id());
			if (c != null) {
				c.select((int) Math.rint(v));
			}
			Button b = toggles.get(p.id());
			if (b != null) {
				b.setSelection(v >= 0.5);
			}
		}
	}

	static double fromSlider(ParameterDescriptor p, int step) {
		double f = step / (double) STEPS;
		double v = switch (p.scale()) {
		case LOGARITHMIC -> Math.exp(Math.log(p.min()) + f * (Math.log(p.max()) - Math.log(p.min())));
		default -> p.min() + f * (p.max() - p.min());
		};
		// three significant figures: what a person would type
		double mag = Math.pow(10, Math.floor(Math.log10(Math.max(Math.abs(v), 1e-9))) - 2);
		v = Math.round(v / mag) * mag;
		return Math.max(p.min(), Math.min(p.max(), v));
	}

	static int toSlider(ParameterDescriptor p, double v) {
		double f = switch (p.scale()) {
		case LOGARITHMIC -> (Math.log(v) - Math.log(p.min())) / (Math.log(p.max()) - Math.log(p.min()));
		default -> (v - p.min()) / (p.max() - p.min());
		};
		return (int) Math.round(Math.max(0, Math.min(1, f)) * STEPS);
	}

	private Label label(Composite parent, String text, org.eclipse.swt.graphics.Color fg) {
		Label l = new Label(parent, SWT.NONE);
		l.setText(text);
		l.setBackground(palette.strip);
		l.setForeground(fg);
		l.setFont(palette.normal);
		return l;
	}

	private void style(Control c) {
		c.setBackground(palette.strip);
		c.setForeground(palette.text);
		c.setFont(palette.normal);
	}

	// ---- the console and the tests use these

	public Shell shell() {
		return shell;
	}

	public Insert insert() {
		return insert;
	}

	/** @return the typed-value field of a parameter */
	public Text field(String parameterId) {
		return texts.get(parameterId);
	}

	/** @return the slider of a continuous parameter, or null */
	public Scale slider(String parameterId) {
		return scales.get(parameterId);
	}

	public Button bypassButton() {
		return bypass;
	}

	/** @return the last line the editor showed (a refusal), or "" */
	public String status() {
		return status.isDisposed() ? "" : status.getText();
	}

	void show() {
		if (!shell.isVisible()) {
			Point p = shell.getParent().getLocation();
			shell.setLocation(p.x + 120, p.y + 80);
			shell.open();
		}
		shell.setActive();
	}

	public boolean isClosed() {
		return closed || shell.isDisposed();
	}

	public void close() {
		if (!shell.isDisposed()) {
			shell.dispose();
		}
	}
}
