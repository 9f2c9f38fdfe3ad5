package dev.wechatapi.handlers;

/**
 * A custom message handler: override the methods of the message types you care about; every method you leave
 * alone hands the message to {@link #defaultHandle}, which ignores it unless you override it too. One runner can
 * carry several handlers, and each of them receives every message.
 *
 * <pre>{@code
 * class Greeter extends MessageHandler {
 *     @Override
 *     public void text(IncomingMessage message) {
 *         message.reply("你好, " + message.sender().name());
 *     }
 * }
 * }</pre>
 *
 * A handler method that throws gets the same message again later (see {@link HandlerRunner.Builder#maxAttempts}),
 * and a message can also reach a handler twice after a restart, so handlers must be idempotent: see the README.
 * Methods of one handler are called by one thread at a time.
 */
public abstract class MessageHandler {

    /** A plain text message. */
    public void text(IncomingMessage message) throws Exception {
        defaultHandle(message);
    }

    /** A shared location ({@code x}, {@code y}, {@code label}, ...). */
    public void map(IncomingMessage message) throws Exception {
        defaultHandle(message);
    }

    /** A contact card ({@code content().card()}). */
    public void card(IncomingMessage message) throws Exception {
        defaultHandle(message);
    }

    /** A notice such as a recalled message. */
    public void note(IncomingMessage message) throws Exception {
        defaultHandle(message);
    }

    /** A shared link or article ({@code url}, {@code text}). */
    public void sharing(IncomingMessage message) throws Exception {
        defaultHandle(message);
    }

    /** A picture or sticker. */
    public void picture(IncomingMessage message) throws Exception {
        defaultHandle(message);
    }

    /** A voice message. */
    public void recording(IncomingMessage message) throws Exception {
        defaultHandle(message);
    }

    /** A file. */
    public void attachment(IncomingMessage message) throws Exception {
        defaultHandle(message);
    }

    /** A video. */
    public void video(IncomingMessage message) throws Exception {
        defaultHandle(message);
    }

    /** A friend request. */
    public void friends(IncomingMessage message) throws Exception {
        defaultHandle(message);
    }

    /** A system message (e.g. "you were added to the group"). */
    public void system(IncomingMessage message) throws Exception {
        defaultHandle(message);
    }

    /** Every message whose type method is not overridden; does nothing unless overridden. */
    public void defaultHandle(IncomingMessage message) throws Exception {}

    /** A name for logs and failure reports; the class name unless overridden. */
    public String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? getClass().getName() : simple;
    }

    /** Calls the method of the message's type. The runner calls this; tests of a handler may too. */
    public final void handle(IncomingMessage message) throws Exception {
        if (message.type() == null) {
            defaultHandle(message);
            return;
        }
        switch (message.type()) {
            case Text -> text(message);
            case Map -> map(message);
            case Card -> card(message);
            case Note -> note(message);
            case Sharing -> sharing(message);
            case Picture -> picture(message);
            case Recording -> recording(message);
            case Attachment -> attachment(message);
            case Video -> video(message);
            case Friends -> friends(message);
            case System -> system(message);
        }
    }
}
