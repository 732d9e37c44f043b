package dev.invitriage.store;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Connection;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.EncodedInvitation;
import dev.invitriage.domain.EncodedInvitation.Text;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.RestoredTriage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of every record the store keeps, in MapDB values and in the journal alike. Each
 * record starts with a format-version byte; later versions append fields, and readers accept every
 * version they know, so old stores stay readable.
 */
final class Codec {
  private Codec() {}

  private static final int V1 = 1;

  // --- invitations ---

  static byte[] invitation(Invitation inv) {
    Bytes.Out out = RECORD.get().reset();
    writeInvitation(out, inv);
    return out.toByteArray();
  }

  /**
   * One writer per thread for {@link #invitation}: a fresh one for each row, grown on the way,
   * was a twelfth of what a million-row import allocated.
   */
  private static final ThreadLocal<Bytes.Out> RECORD =
      ThreadLocal.withInitial(() -> new Bytes.Out(1024));

  static Invitation invitation(byte[] bytes) {
    return readInvitation(new Bytes.In(bytes));
  }

  private static void writeInvitation(Bytes.Out out, Invitation inv) {
    out.writeByte(V1)
        .writeByte(inv.direction().ordinal())
        .writeString(inv.fromName())
        .writeString(inv.fromUrl())
        .writeString(inv.toName())
        .writeString(inv.toUrl())
        .writeVarLong(inv.sentAt().toEpochSecond(ZoneOffset.UTC))
        .writeString(inv.message());
  }

  /** An invitation's record as an export prints it: its texts found, not decoded. */
  static EncodedInvitation encodedInvitation(byte[] bytes) {
    Bytes.In in = new Bytes.In(bytes);
    version(in, "invitation");
    Direction direction = enumAt(Direction.values(), in.readByte());
    int[] bounds = new int[2 * Text.COUNT];
    in.skipString(bounds, 2 * Text.FROM_NAME.ordinal());
    in.skipString(bounds, 2 * Text.FROM_URL.ordinal());
    in.skipString(bounds, 2 * Text.TO_NAME.ordinal());
    in.skipString(bounds, 2 * Text.TO_URL.ordinal());
    LocalDateTime sentAt = LocalDateTime.ofEpochSecond(in.readVarLong(), 0, ZoneOffset.UTC);
    in.skipString(bounds, 2 * Text.MESSAGE.ordinal());
    return new EncodedInvitation(direction, sentAt, bytes, bounds);
  }

  private static Invitation readInvitation(Bytes.In in) {
    version(in, "invitation");
    Direction direction = enumAt(Direction.values(), in.readByte());
    String fromName = in.readString();
    String fromUrl = in.readString();
    String toName = in.readString();
    String toUrl = in.readString();
    LocalDateTime sentAt = LocalDateTime.ofEpochSecond(in.readVarLong(), 0, ZoneOffset.UTC);
    String message = in.readString();
    return new Invitation(direction, fromName, fromUrl, toName, toUrl, sentAt, message);
  }

  // --- connections ---

  static byte[] connection(Connection c) {
    Bytes.Out out = new Bytes.Out();
    writeConnection(out, c);
    return out.toByteArray();
  }

  static Connection connection(byte[] bytes) {
    return readConnection(new Bytes.In(bytes));
  }

  private static void writeConnection(Bytes.Out out, Connection c) {
    out.writeByte(V1)
        .writeString(c.firstName())
        .writeString(c.lastName())
        .writeString(c.url())
        .writeString(c.email())
        .writeString(c.company())
        .writeString(c.position())
        .writeVarLong(c.connectedOn() == null ? Long.MIN_VALUE : c.connectedOn().toEpochDay());
  }

  private static Connection readConnection(Bytes.In in) {
    version(in, "connection");
    String first = in.readString();
    String last = in.readString();
    String url = in.readString();
    String email = in.readString();
    String company = in.readString();
    String position = in.readString();
    long day = in.readVarLong();
    return new Connection(
        first, last, url, email, company, position,
        day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day));
  }

  // --- clients ---

  static byte[] client(Client c) {
    Bytes.Out out = new Bytes.Out();
    writeClient(out, c);
    return out.toByteArray();
  }

  static Client client(byte[] bytes) {
    return readClient(new Bytes.In(bytes));
  }

  private static void writeClient(Bytes.Out out, Client c) {
    out.writeByte(V1)
        .writeVarLong(c.id())
        .writeString(c.name())
        .writeString(c.url())
        .writeString(c.company())
        .writeString(c.note());
  }

  private static Client readClient(Bytes.In in) {
    version(in, "client");
    return new Client(in.readVarLong(), in.readString(), in.readString(), in.readString(), in.readString());
  }

  // --- decisions: a decision and when it was made ---

  /** A stored decision; {@code decidedAtMillis} is -1 when unknown. */
  record DecisionState(Decision decision, long decidedAtMillis) {
    Instant decidedAt() {
      return decidedAtMillis < 0 ? null : Instant.ofEpochMilli(decidedAtMillis);
    }
  }

  static byte[] decision(DecisionState d) {
    return new Bytes.Out().writeByte(V1).writeByte(d.decision().ordinal()).writeVarLong(d.decidedAtMillis()).toByteArray();
  }

  static DecisionState decision(byte[] bytes) {
    Bytes.In in = new Bytes.In(bytes);
    version(in, "decision");
    return new DecisionState(enumAt(Decision.values(), in.readByte()), in.readVarLong());
  }

  // --- changes (journal and undo history) ---

  private static final int OP_DECISION = 1;
  private static final int OP_NOTE = 2;
  private static final int OP_PUT_CLIENT = 3;
  private static final int OP_REMOVE_CLIENT = 4;

  static byte[] change(Change change) {
    Bytes.Out out = new Bytes.Out();
    out.writeByte(V1).writeString(change.label()).writeVarLong(change.ops().size());
    for (Change.Op op : change.ops()) {
      if (op instanceof Change.SetDecision d) {
        out.writeByte(OP_DECISION);
        writeId(out, d.id());
        out.writeByte(d.decision().ordinal()).writeVarLong(d.decidedAtMillis());
      } else if (op instanceof Change.SetNote n) {
        out.writeByte(OP_NOTE);
        writeId(out, n.id());
        out.writeString(n.text());
      } else if (op instanceof Change.PutClient p) {
        out.writeByte(OP_PUT_CLIENT);
        writeClient(out, p.client());
      } else if (op instanceof Change.RemoveClient r) {
        out.writeByte(OP_REMOVE_CLIENT).writeVarLong(r.clientId());
      }
    }
    return out.toByteArray();
  }

  static Change change(byte[] bytes) {
    Bytes.In in = new Bytes.In(bytes);
    version(in, "change");
    String label = in.readString();
    int n = in.readVarInt();
    List<Change.Op> ops = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) {
      int kind = in.readByte();
      ops.add(
          switch (kind) {
            case OP_DECISION -> new Change.SetDecision(
                readId(in), enumAt(Decision.values(), in.readByte()), in.readVarLong());
            case OP_NOTE -> new Change.SetNote(readId(in), in.readString());
            case OP_PUT_CLIENT -> new Change.PutClient(readClient(in));
            case OP_REMOVE_CLIENT -> new Change.RemoveClient(in.readVarLong());
            default -> throw new Bytes.CorruptRecordException("unknown change kind " + kind);
          });
    }
    return new Change(label, ops);
  }

  // --- import batches (journal only) ---

  static byte[] importBatch(ImportBatch batch) {
    List<byte[]> invitations = new ArrayList<>(batch.invitations().size() + batch.restored().size());
    batch.invitations().forEach(inv -> invitations.add(invitation(inv)));
    batch.restored().forEach(r -> invitations.add(invitation(r.invitation())));
    return importBatch(batch, invitations);
  }

  /**
   * {@link #importBatch(ImportBatch)}, given its invitations, rows then restored rows, as {@link
   * #invitation(Invitation)} encodes them: an import stores those same bytes as the records, and
   * encodes each row once.
   */
  static byte[] importBatch(ImportBatch batch, List<byte[]> invitations) {
    // Sized for the records it copies, so that a part's entry (over a megabyte) is not grown from
    // 256 bytes by doubling; the rest is a few dozen bytes a row.
    int size = 64 + 32 * batch.restored().size() + 160 * batch.connections().size();
    for (byte[] invitation : invitations) {
      size += invitation.length;
    }
    Bytes.Out out = new Bytes.Out(size);
    out.writeByte(V1).writeVarLong(batch.sources().size());
    batch.sources().forEach(out::writeString);
    int rows = batch.invitations().size();
    out.writeVarLong(rows);
    for (int i = 0; i < rows; i++) {
      out.writeRaw(invitations.get(i));
    }
    out.writeVarLong(batch.connections().size());
    batch.connections().forEach(c -> writeConnection(out, c));
    out.writeVarLong(batch.restored().size());
    for (int i = 0; i < batch.restored().size(); i++) {
      RestoredTriage r = batch.restored().get(i);
      out.writeRaw(invitations.get(rows + i));
      out.writeByte(r.decision().ordinal())
          .writeVarLong(r.decidedAt() == null ? -1 : r.decidedAt().toEpochMilli())
          .writeString(r.note())
          .writeByte((r.client() ? 1 : 0) | (r.connection() ? 2 : 0));
    }
    return out.toByteArray();
  }

  static ImportBatch importBatch(byte[] bytes) {
    Bytes.In in = new Bytes.In(bytes);
    version(in, "import");
    List<String> sources = new ArrayList<>();
    for (int i = in.readVarInt(); i > 0; i--) {
      sources.add(in.readString());
    }
    List<Invitation> invitations = new ArrayList<>();
    for (int i = in.readVarInt(); i > 0; i--) {
      invitations.add(readInvitation(in));
    }
    List<Connection> connections = new ArrayList<>();
    for (int i = in.readVarInt(); i > 0; i--) {
      connections.add(readConnection(in));
    }
    List<RestoredTriage> restored = new ArrayList<>();
    for (int i = in.readVarInt(); i > 0; i--) {
      Invitation inv = readInvitation(in);
      Decision decision = enumAt(Decision.values(), in.readByte());
      long at = in.readVarLong();
      String note = in.readString();
      int flags = in.readByte();
      restored.add(new RestoredTriage(
          inv, decision, at < 0 ? null : Instant.ofEpochMilli(at), note, (flags & 1) != 0, (flags & 2) != 0));
    }
    return new ImportBatch(sources, invitations, connections, restored);
  }

  // --- helpers ---

  private static void writeId(Bytes.Out out, InvitationId id) {
    out.writeLong(id.hi()).writeLong(id.lo());
  }

  private static InvitationId readId(Bytes.In in) {
    return new InvitationId(in.readLong(), in.readLong());
  }

  private static void version(Bytes.In in, String what) {
    int v = in.readByte();
    if (v != V1) {
      throw new Bytes.CorruptRecordException("unknown " + what + " record version " + v);
    }
  }

  private static <E> E enumAt(E[] values, int ordinal) {
    if (ordinal < 0 || ordinal >= values.length) {
      throw new Bytes.CorruptRecordException("value out of range: " + ordinal);
    }
    return values[ordinal];
  }
}
