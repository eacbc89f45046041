package dev.parley.view.export;

import dev.parley.view.MainView;
import dev.parley.view.MainViewModel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Export menu of the main window (and export items in the session list's context menu): each item opens the
 * options dialog of its subject, then asks for the file, then lets {@link ExportViewModel} write it. The dialog's
 * choices are kept per subject while the window lives. Failures are shown in a dialog naming the file and reason.
 */
public final class ExportMenu extends Menu {
    public static final String ERROR_DIALOG = "export-error-dialog";

    private final ExportViewModel vm;
    private final MainView view;
    private final Map<ExportSubject, ExportDialogViewModel> choices = new EnumMap<>(ExportSubject.class);
    private final Map<ExportSubject, MenuItem> items = new EnumMap<>(ExportSubject.class);
    private FilePicker picker = this::chooseFile;
    private DirectoryPicker folderPicker = this::chooseFolder;
    private final MenuItem mailsItem;
    private ExportDialog dialog;
    private Alert errorDialog;
    private CompletableFuture<String> lastExport;

    /** Builds the menu for the main window; adds the export items to its session list's context menu. */
    public ExportMenu(MainViewModel main, MainView view) {
        super("E_xport");
        this.view = view;
        this.vm = new ExportViewModel(main);
        vm.setListColumns(() -> ListColumns.of(view.sessionList().table()));
        for (ExportSubject s : ExportSubject.values()) {
            choices.put(s, new ExportDialogViewModel(s));
        }
        MenuItem diagram = item(ExportSubject.DIAGRAM, "_Diagram (SVG, PNG, PDF, text, Mermaid, PlantUML)\u2026");
        diagram.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        mailsItem = new MenuItem("M_ails of the session (.eml)\u2026");
        mailsItem.setOnAction(e -> exportMails());
        mailsItem.disableProperty().bind(Bindings.not(vm.mailsAvailableProperty()));
        getItems().addAll(diagram,
                item(ExportSubject.PACKETS, "_Packets (pcap, pcapng)\u2026"),
                item(ExportSubject.REPORT, "HTML _report\u2026"),
                item(ExportSubject.MESSAGES, "_Messages as text\u2026"),
                mailsItem,
                new SeparatorMenuItem(),
                item(ExportSubject.MESSAGE, "_Selected message as text\u2026"),
                new SeparatorMenuItem(),
                item(ExportSubject.LIST, "Session _list (CSV, JSON)\u2026"));
        addToContextMenu(view.sessionList().table().getContextMenu());
        vm.errorProperty().addListener((o, a, error) -> {
            if (error != null) {
                showError(error);
            }
        });
    }

    private MenuItem item(ExportSubject subject, String text) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> open(subject));
        item.disableProperty().bind(Bindings.not(vm.availableProperty(subject)));
        items.put(subject, item);
        return item;
    }

    private void addToContextMenu(ContextMenu menu) {
        if (menu == null) {
            return;
        }
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().addAll(contextItem(ExportSubject.DIAGRAM, "Export diagram\u2026"),
                contextItem(ExportSubject.PACKETS, "Export packets\u2026"),
                contextItem(ExportSubject.REPORT, "Export HTML report\u2026"));
    }

    private MenuItem contextItem(ExportSubject subject, String text) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> open(subject));
        item.disableProperty().bind(Bindings.not(vm.availableProperty(subject)));
        return item;
    }

    public ExportViewModel viewModel() {
        return vm;
    }

    /** The menu item of a subject (tests fire it). */
    public MenuItem item(ExportSubject subject) {
        return items.get(subject);
    }

    /** The options of a subject's dialog, kept between exports. */
    public ExportDialogViewModel choices(ExportSubject subject) {
        return choices.get(subject);
    }

    /** The "Mails of the session (.eml)" item (tests fire it). */
    public MenuItem mailsItem() {
        return mailsItem;
    }

    /** Replaces the folder chooser of the mail export (tests, harnesses). */
    public void setDirectoryPicker(DirectoryPicker picker) {
        this.folderPicker = Objects.requireNonNull(picker);
    }

    /** Asks for a folder, then writes the selected POP3 sessions' mails into it, one .eml per mail. */
    public void exportMails() {
        if (!vm.mailsAvailableProperty().get()) {
            return;
        }
        Path folder = folderPicker.pick(vm.suggestedMailFolder());
        if (folder != null) {
            lastExport = vm.exportMails(folder);
        }
    }

    private Path chooseFolder(Path suggested) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export the mails into a folder");
        Path start = Files.isDirectory(suggested) ? suggested : suggested.getParent();
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        File folder = chooser.showDialog(window());
        return folder == null ? null : folder.toPath();
    }

    /** Replaces the file chooser (tests, harnesses). */
    public void setFilePicker(FilePicker picker) {
        this.picker = Objects.requireNonNull(picker);
    }

    /** The options dialog currently shown, or null. */
    public Dialog<ExportOptions> dialog() {
        return dialog;
    }

    /** The export error dialog currently shown, or null. */
    public Alert errorDialog() {
        return errorDialog;
    }

    /** The export started last (completes on the FX thread), or null. */
    public CompletableFuture<String> lastExport() {
        return lastExport;
    }

    /** Shows the options dialog of a subject; not modal-blocking, so tests can answer it. */
    public void open(ExportSubject subject) {
        if (!vm.availableProperty(subject).get()) {
            return;
        }
        if (dialog != null) {
            dialog.close();
        }
        ExportDialog d = new ExportDialog(choices.get(subject));
        style(d);
        d.setOnHidden(e -> {
            if (dialog == d) {
                dialog = null;
            }
            ExportOptions options = d.getResult();
            if (options != null) {
                export(options);
            }
        });
        dialog = d;
        d.show();
    }

    /** Asks for the file of an export with these options, then starts it. */
    public void export(ExportOptions options) {
        ExportFormat format = options.format();
        Path chosen = picker.pick(format, vm.suggestedFile(format));
        if (chosen != null) {
            lastExport = vm.export(options, ExportViewModel.withExtension(chosen, format));
        }
    }

    private Path chooseFile(ExportFormat format, Path suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + format.label());
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(format.label() + " (*." + format.extension() + ")",
                        "*." + format.extension()),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path folder = suggested.getParent();
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName(suggested.getFileName().toString());
        File file = chooser.showSaveDialog(window());
        return file == null ? null : file.toPath();
    }

    private void showError(ExportError error) {
        if (errorDialog != null) {
            errorDialog.close();
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.setTitle("Export failed");
        alert.setHeaderText("Cannot export " + error.file().getFileName());
        alert.setContentText(error.file().toAbsolutePath() + "\n\n" + error.reason());
        alert.getDialogPane().getStyleClass().add(ERROR_DIALOG);
        style(alert);
        alert.setOnHidden(e -> {
            if (errorDialog == alert) {
                errorDialog = null;
            }
        });
        errorDialog = alert;
        alert.show();
    }

    private void style(Dialog<?> d) {
        Window owner = window();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.getDialogPane().getStylesheets().setAll(view.themeProperty().get().stylesheets());
        d.getDialogPane().getStyleClass().add(view.themeProperty().get().styleClass());
    }

    private Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }
}
