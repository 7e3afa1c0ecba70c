package io.exflux.reactive.internal.codec;

/**
 * The one place a venue's decoder finds the packed constructors its model package implements (the model's
 * records are API, their packed form is not). The model's implementation installs itself when its class is
 * loaded; {@link #get()} loads it the first time it is asked for, so neither package depends on the other's
 * load order.
 *
 * @param <R> the interface the model package implements
 */
public final class ModelDoor<R> {

    private final String implementation;
    private final ClassLoader loader;
    private volatile R installed;

    /**
     * @param implementation the implementation's class name, which installs itself when loaded
     * @param loader         the loader that sees it
     */
    public ModelDoor(String implementation, ClassLoader loader) {
        this.implementation = implementation;
        this.loader = loader;
    }

    /** Called once, by the implementation when it is loaded. */
    public void install(R implementation) {
        installed = implementation;
    }

    /** The installed implementation, loading it first if needed. */
    public R get() {
        R current = installed;
        if (current == null) {
            try {
                Class.forName(implementation, true, loader); // installs itself
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the model's packed records are missing: " + implementation, e);
            }
            current = installed;
        }
        return current;
    }
}
