from django.urls import path

from . import views

app_name = "ops"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("pick-list/", views.pick_list, name="pick_list"),
    path("bulk-fulfil/", views.bulk_fulfil, name="bulk_fulfil"),
    path("stock/", views.stock_low, name="stock_low"),
    path("stock/<int:stock_id>/", views.stock_detail, name="stock"),
    path("stock/<int:stock_id>/bin/", views.stock_bin_view, name="stock_bin"),
    path("orders/<int:number>/", views.order_detail, name="order"),
    path("orders/<int:number>/packing-slip/", views.packing_slip, name="packing_slip"),
    path(
        "orders/<int:number>/packing-slip.pdf",
        views.packing_slip_pdf_view,
        name="packing_slip_pdf",
    ),
    path("orders/<int:number>/fulfil/", views.order_fulfil_view, name="order_fulfil"),
    path("orders/<int:number>/notes/", views.order_note_view, name="order_note"),
    path(
        "orders/<int:number>/fulfillments/<int:fulfillment_id>/cancel/",
        views.fulfillment_cancel_view,
        name="fulfillment_cancel",
    ),
    path("orders/<int:number>/refund/", views.order_refund_view, name="order_refund"),
    path(
        "orders/<int:number>/fulfillments/<int:fulfillment_id>/return/",
        views.fulfillment_return_view,
        name="fulfillment_return",
    ),
    path(
        "orders/<int:number>/fulfillments/<int:fulfillment_id>/approve/",
        views.fulfillment_approve_view,
        name="fulfillment_approve",
    ),
]
