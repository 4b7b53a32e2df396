// Pay by card with Stripe Elements: the card becomes a token in the browser,
// and only its card id is posted to the store. A card that asks for 3-D
// Secure comes back with a client secret; Stripe.js runs that step, then the
// page posts on so the store reads the outcome from Stripe.
(function () {
  "use strict";

  function showError(message) {
    var box = document.getElementById("card-errors");
    if (!box) return;
    box.textContent = message;
    box.hidden = false;
  }

  var payForm = document.getElementById("stripe-payment-form");
  if (payForm) {
    var stripe = window.Stripe(payForm.dataset.publishableKey);
    var card = stripe.elements().create("card");
    card.mount("#card-element");
    var paying = false;
    payForm.addEventListener("submit", function (event) {
      event.preventDefault();
      if (paying) return;
      paying = true;
      stripe.createToken(card).then(function (result) {
        if (result.error) {
          paying = false;
          showError(result.error.message || "Check your card details.");
          return;
        }
        payForm.elements.payment_method.value = result.token.card.id;
        payForm.submit();
      });
    });
  }

  var confirmForm = document.getElementById("stripe-confirm-form");
  if (confirmForm) {
    var stripeConfirm = window.Stripe(confirmForm.dataset.publishableKey);
    stripeConfirm
      .confirmCardPayment(confirmForm.dataset.clientSecret)
      .then(function () {
        // Success or not, the store asks Stripe what happened.
        confirmForm.submit();
      });
  }
})();
