from .models import Association


def association_list():
    return Association.objects.published()
