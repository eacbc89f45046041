package dev.parley.decode;

/**
 * The one framing contract of every stream decoder (DESIGN.md decision 5): a decoder looking at buffered bytes
 * answers that it needs more, that the bytes are not its protocol, or that a frame of {@code consumed} bytes was
 * decoded. A decoder consumes nothing until a frame is complete.
 */
public sealed interface Framing<T> permits Framing.NeedMore, Framing.NotMine, Framing.Decoded {

    record NeedMore<T>() implements Framing<T> { }

    record NotMine<T>(String reason) implements Framing<T> { }

    record Decoded<T>(int consumed, T value) implements Framing<T> { }

    @SuppressWarnings("unchecked")
    static <T> Framing<T> needMore() {
        return (Framing<T>) NEED_MORE;
    }

    NeedMore<?> NEED_MORE = new NeedMore<>();
}
