"""Reader comments under an article: the form's context and its POST."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from backend.page.models import Page
from backend.page.selectors import articles_published, comments_approved
from backend.page.services import comment_post

from ..comment_forms import HONEYPOT_FIELD, CommentForm

THANKS_MESSAGE = "Thanks — your comment will appear once approved."


def comment_context(page: Page) -> dict:
    """Return what the article template's comments partial needs (1 query)."""
    return {"comments": comments_approved(page=page), "comment_form": CommentForm()}


@require_POST
def comment_create(request, slug):
    page = articles_published().filter(slug=slug).first()
    if page is None:
        raise Http404("No such article.")
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment_post(
                page=page,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                body=form.cleaned_data["body"],
                ip_address=request.META.get("REMOTE_ADDR"),
                honeypot=form.cleaned_data[HONEYPOT_FIELD],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, THANKS_MESSAGE)
            return redirect(
                reverse("storefront:article", args=[page.slug]) + "#comments"
            )
    return render(
        request,
        "content/comment_result.html",
        {"page": page, "comment_form": form},
        status=400,
    )
