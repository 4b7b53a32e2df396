"""The page mutations as a dashboard sends them."""

PAGE_CREATE = """
mutation($input: PageCreateInput!) {
  pageCreate(input: $input) {
    page { id slug title isPublished publishedAt content pageType { slug } }
    errors { field code message attributes }
    pageErrors { code }
  }
}
"""
PAGE_UPDATE = """
mutation($id: ID!, $input: PageInput!) {
  pageUpdate(id: $id, input: $input) {
    page {
      slug title isPublished seoTitle
      assignedAttribute(slug: "featured-products") {
        ... on AssignedMultiProductReferenceAttribute { value { slug } }
      }
    }
    errors { field code message }
  }
}
"""
PAGE_DELETE = """
mutation($id: ID!) {
  pageDelete(id: $id) { page { id slug } errors { field code message } }
}
"""
PAGE_TRANSLATE = """
mutation($id: ID!, $input: PageTranslationInput!) {
  pageTranslate(id: $id, languageCode: ES, input: $input) {
    page {
      id pageId title
      translation(languageCode: ES) { title slug seoTitle language { code } }
      attributeValues { name attribute { name } }
    }
    errors { field code message }
  }
}
"""
PAGE_ATTRIBUTE_ASSIGN = """
mutation($pageTypeId: ID!, $attributeIds: [ID!]!) {
  pageAttributeAssign(pageTypeId: $pageTypeId, attributeIds: $attributeIds) {
    pageType { slug attributes { slug } }
    errors { field code message attributes }
  }
}
"""
