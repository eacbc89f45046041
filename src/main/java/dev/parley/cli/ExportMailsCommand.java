package dev.parley.cli;

import dev.parley.capture.file.OriginReader;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.pop3.Mail;
import dev.parley.session.pop3.Pop3Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Writes every mail retrieved over POP3 as an .eml file holding exactly the octets the client received
 * (dot-unstuffed). Names sort by session, then retrieval order: {@code s001-r001-msg5.eml}, {@code -top} for a TOP
 * reply (a partial mail), {@code -incomplete} when bytes are missing or the "." line never came.
 */
@Command(name = "export-mails", description = "Write every mail retrieved over POP3 as an .eml file (byte-exact).")
final class ExportMailsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "pcap, pcapng or .gz capture")
    Path file;

    @Parameters(index = "1", paramLabel = "DIR", description = "folder to write into (created when missing)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        CaptureModel model = new CaptureLoader().load(file);
        Files.createDirectories(dir);
        int written = 0;
        int sessionWidth = Math.max(3, Integer.toString(model.pop3().sessions().size()).length());
        try (OriginReader reader = new OriginReader(file)) {
            for (Pop3Session s : model.pop3().sessions()) {
                int retrievalWidth = Math.max(3, Integer.toString(s.mails().size()).length());
                int r = 0;
                for (Mail m : s.mails()) {
                    r++;
                    String name = "s" + pad(s.index(), sessionWidth) + "-r" + pad(r, retrievalWidth) + "-msg"
                            + (m.number() < 0 ? "unknown" : Integer.toString(m.number()))
                            + (m.partial() ? "-top" : "") + (m.complete() ? "" : "-incomplete") + ".eml";
                    Path target = dir.resolve(name);
                    Files.write(target, m.bytes(reader));
                    System.out.printf("%s  %d octets  session %d (%s -> %s)%n", target, m.size(), s.index(),
                            s.client(), s.server());
                    written++;
                }
            }
        }
        System.out.println(written + " mails written to " + dir);
        return 0;
    }

    private static String pad(int n, int width) {
        String s = Integer.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
