"""Put a replacement in place of an attribute of an upstream object, and take it out again."""

_ABSENT = object()


def replacing(target, name, replacement):
    """Return ``(apply, revert)`` that set ``target.name`` to ``replacement`` and restore it.

    ``target`` is a class, a module or an object, or a function of the application that returns
    one (for objects that exist only in an application, such as a service's configuration). The
    original is read from the target's own namespace when the change is made (a descriptor such
    as a ``staticmethod`` stays as it was), so reverting gives back exactly what was there, or
    removes the attribute when there was none (an object then sees its class's value again).
    """
    kept = {}

    def resolve(app):
        if callable(target) and not isinstance(target, type):
            with app.app_context():
                return target(app)
        return target

    def apply(app=None):
        obj = resolve(app)
        current = vars(obj).get(name, _ABSENT)
        if current is replacement:
            return
        kept[id(obj)] = current
        setattr(obj, name, replacement)

    def revert(app=None):
        obj = resolve(app)
        if vars(obj).get(name, _ABSENT) is not replacement:
            return
        original = kept.pop(id(obj), _ABSENT)
        if original is _ABSENT:
            delattr(obj, name)
        else:
            setattr(obj, name, original)

    return apply, revert


def together(*pairs):
    """One ``(apply, revert)`` of several: applied in order, reverted in reverse."""

    def apply(app=None):
        for put, _ in pairs:
            put(app)

    def revert(app=None):
        for _, take in reversed(pairs):
            take(app)

    return apply, revert
