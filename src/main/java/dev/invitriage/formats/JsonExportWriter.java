package dev.invitriage.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.invitriage.domain.EncodedEntry;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the JSON export: one array of flat objects, streamed through Jackson's generator. Booleans
 * are JSON booleans and an unset {@code decided_at} is null; every other value is a string exactly
 * as in the CSV export, minus the spreadsheet protection.
 */
final class JsonExportWriter implements ExportWriter {

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  private static final int OFFENDER = ExportFields.NAMES.indexOf("offender");
  private static final int CONNECTION = ExportFields.NAMES.indexOf("connection");
  private static final int DECIDED_AT = ExportFields.NAMES.indexOf("decided_at");

  private final JsonGenerator json;

  JsonExportWriter(Writer out) {
    try {
      this.json = JSON.createGenerator(out);
      json.writeStartArray();
      json.writeRaw('\n');
    } catch (IOException e) {
      throw InvitriageException.io("cannot write the export", e);
    }
  }

  @Override
  public void write(InboxEntry entry) {
    write(ExportFields.textValues(entry));
  }

  @Override
  public void write(EncodedEntry entry) {
    write(ExportFields.textValues(entry));
  }

  private void write(List<String> values) {
    try {
      json.writeStartObject();
      for (int i = 0; i < values.size(); i++) {
        String name = ExportFields.NAMES.get(i);
        String value = values.get(i);
        if (i >= OFFENDER && i <= CONNECTION) {
          json.writeBooleanField(name, Boolean.parseBoolean(value));
        } else if (i == DECIDED_AT && value.isEmpty()) {
          json.writeNullField(name);
        } else {
          json.writeStringField(name, value);
        }
      }
      json.writeEndObject();
      // One entry per line keeps big exports greppable and their error lines meaningful.
      json.writeRaw('\n');
    } catch (IOException e) {
      throw InvitriageException.io("cannot write the export", e);
    }
  }

  @Override
  public void close() {
    try {
      json.writeEndArray();
      json.writeRaw('\n');
      json.close();
    } catch (IOException e) {
      throw InvitriageException.io("cannot write the export", e);
    }
  }
}
