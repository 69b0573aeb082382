package org.mixtree.ui.views.testviews;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewContext;

/** A routing view: the bus tree as an outline (built once; the test view does not follow edits). */
public final class BusOutlineView implements MixtreeView {
	private Tree tree;

	@Override
	public void createControl(Composite parent, ViewContext context) {
		parent.setLayout(new FillLayout());
		tree = new Tree(parent, SWT.SINGLE);
		tree.setData("org.mixtree.ui.views.testviews.id", "buses");
		Session s = context.session();
		TreeItem master = new TreeItem(tree, SWT.NONE);
		master.setText(s.getMaster() == null ? "Master" : s.getMaster().getName());
		add(master, null, s);
		master.setExpanded(true);
	}

	private static void add(TreeItem parent, Bus bus, Session s) {
		for (Bus b : s.getBuses()) {
			if (b.getOutput() == bus || bus == null && b.getOutput() == s.getMaster()) {
				TreeItem item = new TreeItem(parent, SWT.NONE);
				item.setText(b.getName());
				add(item, b, s);
				item.setExpanded(true);
			}
		}
		for (Track t : s.getTracks()) {
			Channel out = t.getOutput();
			if (out == bus || bus == null && out == s.getMaster()) {
				new TreeItem(parent, SWT.NONE).setText(t.getName());
			}
		}
	}

	@Override
	public void setFocus() {
		tree.setFocus();
	}
}
