from django.http import HttpResponse


def healthz(request):
    """Answer without touching the database: liveness, and the bench's floor."""
    return HttpResponse("ok", content_type="text/plain")
