package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logback finds the configurator through its service file and gets what logback.xml used to say. */
class LoggingConfiguratorTest {
    @Test
    void parleyLogsInfoLibrariesWarnPdfBoxFontsErrorOnStandardError() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger("dev.parley.view.MainViewModel").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.pcap4j.core.Pcaps").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font").getEffectiveLevel())
                .isEqualTo(Level.ERROR);
        ConsoleAppender<?> console =
                (ConsoleAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        assertThat(console.getTarget()).isEqualTo("System.err");
        assertThat(console.isStarted()).isTrue();
    }

    @Test
    void aConfigurationFileGivenOnTheCommandLineIsLeftToLogback() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "custom.xml");
        try {
            LoggerContext fresh = new LoggerContext();
            LoggingConfigurator configurator = new LoggingConfigurator();
            configurator.setContext(fresh);
            assertThat(configurator.configure(fresh)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(fresh.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNull();
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }
}
