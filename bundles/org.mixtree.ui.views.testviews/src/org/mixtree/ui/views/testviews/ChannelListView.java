package org.mixtree.ui.views.testviews;

import java.util.ArrayList;
import java.util.function.Consumer;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.List;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Session;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewContext;

/** A routing view: every channel in a list (master, buses, tracks), its selection the workbench's. */
public final class ChannelListView implements MixtreeView {
	private ViewContext context;
	private List list;
	private final java.util.List<Channel> channels = new ArrayList<>();
	private final Consumer<Channel> follow = this::follow;
	private final EContentAdapter adapter = new EContentAdapter() {
		@Override
		public void notifyChanged(Notification n) {
			super.notifyChanged(n);
			if (!n.isTouch() && list != null && !list.isDisposed()) {
				Display d = list.getDisplay();
				d.asyncExec(ChannelListView.this::fill);
			}
		}
	};

	@Override
	public void createControl(Composite parent, ViewContext context) {
		this.context = context;
		parent.setLayout(new FillLayout());
		list = new List(parent, SWT.SINGLE | SWT.V_SCROLL);
		list.setData("org.mixtree.ui.views.testviews.id", "channels");
		list.addListener(SWT.Selection, e -> {
			int i = list.getSelectionIndex();
			if (i >= 0 && i < channels.size()) {
				context.selection().select(channels.get(i));
			}
		});
		fill();
		context.selection().addListener(follow);
		context.session().eAdapters().add(adapter);
	}

	private void fill() {
		if (list.isDisposed()) {
			return;
		}
		Session s = context.session();
		channels.clear();
		if (s.getMaster() != null) {
			channels.add(s.getMaster());
		}
		channels.addAll(s.getBuses());
		channels.addAll(s.getTracks());
		java.util.List<String> names = new ArrayList<>();
		for (Channel c : channels) {
			names.add(ChannelAddress.of(c));
		}
		list.setItems(names.toArray(String[]::new));
		follow(context.selection().selected());
	}

	private void follow(Channel c) {
		if (list.isDisposed()) {
			return;
		}
		int i = c == null ? -1 : channels.indexOf(c);
		if (i < 0) {
			list.deselectAll();
		} else {
			list.setSelection(i);
		}
	}

	/** @return the names listed (tests read the view through the control's data) */
	public java.util.List<String> items() {
		return java.util.List.of(list.getItems());
	}

	@Override
	public void setFocus() {
		list.setFocus();
	}

	@Override
	public void dispose() {
		context.session().eAdapters().remove(adapter);
		context.selection().removeListener(follow);
	}
}
