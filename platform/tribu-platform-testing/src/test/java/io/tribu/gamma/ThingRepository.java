package io.tribu.gamma;

/** The pretend entity's repository: the one class that may query it. */
public class ThingRepository {
    public Thing find(String name) {
        return Thing.byName(name);
    }
}
