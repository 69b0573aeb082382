/**
 * The view API: what a bundle implements to add a view to the Mixtree workbench. Version 1.2 (1.1 added {@link ViewContext#previewParameter}; 1.2 added {@link RoutingPalette}, {@link PlotPalette} and {@link CoalescedRefresh}). Three kinds
 * ({@link org.mixtree.ui.views.ViewKind}): routing views (the way through the mix's buses), visualisation renderers
 * (what a channel's audio looks like) and effect editors (an insert's own editor, instead of the generic one).
 * <p>
 * Small on purpose, in the style of the effect SPI: a view is declared in its bundle's {@code plugin.xml} on the
 * extension point {@code org.mixtree.ui.views.views} (schema {@code schema/views.exsd}: id, name, kind, class, what
 * it needs), implements {@link org.mixtree.ui.views.MixtreeView}, and gets everything it reads and changes from the
 * {@link org.mixtree.ui.views.ViewContext} the workbench hands it: the session and its editing domain (every change
 * a view makes is a command on the one command stack, so it is undoable and reaches the playing engine), the
 * selected channel shared with the console ({@link org.mixtree.ui.views.ChannelSelection}), the transport
 * ({@link org.mixtree.ui.views.TransportState}), the engine's meters, and lock-free taps of a channel's audio
 * ({@link org.mixtree.ui.views.AudioTap}).
 * <p>
 * Why an extension point and not declarative services: the workbench and {@code ./mixtree views} list what is
 * installed from the declarations alone, without loading a class or starting a bundle (a view's code loads when a
 * place first shows it), the schema documents and checks the declaration, and the extension registry tells the
 * workbench when a bundle and its views go away. The effect SPI uses OSGi services because effects are created by
 * the engine, headless, many times; views are created by the workbench, once per place.
 * <p>
 * Thread rules: <b>[UI]</b> methods are called on the SWT UI thread only; <b>[any]</b> methods may be called from
 * any thread except the audio thread. Nothing in this API ever runs on the audio thread.
 * <p>
 * How to write, build and ship a view bundle: {@code docs/VIEWS.md} in the Mixtree repository.
 */
package org.mixtree.ui.views;
