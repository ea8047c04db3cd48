// ReadGlossary reads glossary files with OmegaT's own glossary readers
// (TBX, or tab-separated for .utf8, .tab and .txt files), each in a
// project from its source to its target language, and prints, for each
// file, a line "== FILE" and then "source<TAB>target" for every entry
// OmegaT finds. concord's tests run it to check that OmegaT imports the
// glossaries concord writes:
//
//	java -cp '/usr/share/omegat/OmegaT.jar:/usr/share/omegat/lib/*' ReadGlossary.java PROJECT SRC TGT FILE [SRC TGT FILE]…
import java.io.File;
import java.util.List;
import org.omegat.core.Core;
import org.omegat.core.data.NotLoadedProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.gui.glossary.GlossaryReaderTSV;
import org.omegat.util.Language;

public class ReadGlossary {
    public static void main(String[] args) throws Exception {
        ProjectProperties props = new ProjectProperties(new File(args[0]));
        Core.setProject(new NotLoadedProject() {
            @Override
            public ProjectProperties getProjectProperties() {
                return props;
            }
        });
        for (int i = 1; i + 2 < args.length; i += 3) {
            props.setSourceLanguage(new Language(args[i]));
            props.setTargetLanguage(new Language(args[i + 1]));
            File f = new File(args[i + 2]);
            List<GlossaryEntry> es = f.getName().endsWith(".tbx") ? GlossaryReaderTBX.read(f, false) : GlossaryReaderTSV.read(f, false);
            if (es == null) {
                throw new IllegalArgumentException(f + ": OmegaT reads no glossary from a file named so");
            }
            System.out.println("== " + f);
            for (GlossaryEntry e : es) {
                System.out.println(e.getSrcText() + "\t" + e.getLocText());
            }
        }
    }
}
