package org.mixtree.ui.views.testviews;

import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.mixtree.model.Insert;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewContext;

/** An effect editor for the utility: its gain, and a button that trims it by 1 dB (one command on the stack). */
public final class UtilityEditorView implements MixtreeView {
	private ViewContext context;
	private Label gain;
	private final EContentAdapter adapter = new EContentAdapter() {
		@Override
		public void notifyChanged(Notification n) {
			super.notifyChanged(n);
			if (!n.isTouch() && gain != null && !gain.isDisposed()) {
				gain.getDisplay().asyncExec(UtilityEditorView.this::refresh);
			}
		}
	};

	@Override
	public void createControl(Composite parent, ViewContext context) {
		this.context = context;
		parent.setLayout(new GridLayout(2, false));
		gain = new Label(parent, SWT.NONE);
		gain.setData("org.mixtree.ui.views.testviews.id", "utility.gain");
		Button trim = new Button(parent, SWT.PUSH);
		trim.setText("Trim -1 dB");
		trim.setData("org.mixtree.ui.views.testviews.id", "utility.trim");
		trim.addListener(SWT.Selection, e -> {
			Insert insert = context.insert();
			SessionCommands.execute(context.domain(),
					SessionCommands.setInsertParameters(context.domain(), insert, Map.of("gain", value() - 1)));
		});
		context.insert().eAdapters().add(adapter);
		refresh();
	}

	private double value() {
		for (ParameterValue v : context.insert().getParameters()) {
			if ("gain".equals(v.getId())) {
				return v.getValue();
			}
		}
		return 0;
	}

	private void refresh() {
		if (!gain.isDisposed()) {
			gain.setText(String.format(Locale.ROOT, "gain %.1f dB", value()));
			gain.getParent().layout();
		}
	}

	@Override
	public void dispose() {
		context.insert().eAdapters().remove(adapter);
	}
}
