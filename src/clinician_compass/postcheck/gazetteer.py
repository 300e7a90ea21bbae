"""Towns, cities and well-known hospitals that a post can name, for the place detector.

A plain list, matched word by word against runs of capitalised words, so its
cost does not grow with its length. Places that are also everyday words or
given names (Reading, Orange, Victoria, Regina) are left out.
"""

from __future__ import annotations


def _names(block: str) -> frozenset[str]:
    return frozenset(name.strip() for name in block.replace("\n", "|").split("|") if name.strip())


TOWNS = _names(
    """
    London|Manchester|Birmingham|Leeds|Glasgow|Edinburgh|Cardiff|Belfast|Liverpool|Bristol|Sheffield|Newcastle
    Nottingham|Leicester|Coventry|Hull|Bradford|Stoke|Wolverhampton|Plymouth|Southampton|Portsmouth|Derby|Swansea
    Aberdeen|Dundee|Inverness|Norwich|Exeter|York|Oxford|Cambridge|Brighton|Luton|Milton Keynes|Bolton|Wigan
    Stockport|Oldham|Rochdale|Blackpool|Preston|Sunderland|Middlesbrough|Doncaster|Barnsley|Wakefield
    Huddersfield|Halifax|Burnley|Blackburn|Carlisle|Lancaster|Kendal|Truro|Penzance|Gloucester|Cheltenham
    Worcester|Hereford|Shrewsbury|Telford|Lincoln|Grimsby|Ipswich|Colchester|Chelmsford|Southend|Canterbury
    Dover|Maidstone|Margate|Hastings|Eastbourne|Bournemouth|Poole|Salisbury|Swindon|Northampton|Peterborough
    Bedford|Watford|Slough|Croydon|Hackney|Lewisham|Tower Hamlets|Camden|Brixton|Peckham|Stratford|Wrexham
    Newport|Bangor|Derry|Stirling|Paisley|Kilmarnock|Ayr|Falkirk|Mansfield|Chesterfield|Harrogate|Scarborough
    Whitby|Durham|Darlington|Hartlepool|Gateshead|Barrow|Workington|Kettering|Corby|Crawley|Guildford|Woking
    Basingstoke|Winchester|Taunton|Yeovil|Barnstaple|Torquay|Aberystwyth|Llandudno|Omagh|Lisburn|Armagh
    Newry|Fort William|Oban|Lerwick|Kirkwall|Stornoway|Tooting|Walthamstow|Ealing|Harrow|Wembley|Whitechapel
    New York|Brooklyn|Queens|Bronx|Manhattan|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio
    San Diego|Dallas|Austin|Seattle|Boston|Denver|Atlanta|Miami|Detroit|Minneapolis|Portland|Baltimore
    Cleveland|Pittsburgh|Nashville|Memphis|New Orleans|Las Vegas|Salt Lake City|Sacramento|San Francisco
    Oakland|St. Louis|St Louis|Kansas City|Omaha|Milwaukee|Cincinnati|Columbus|Indianapolis|Raleigh
    Tampa|Orlando|Jacksonville|Albuquerque|Tucson|Honolulu|Anchorage|Boise|Buffalo|Rochester|Louisville
    Richmond|Spokane|Fresno|El Paso|Tulsa|Wichita|Des Moines|Little Rock|Birmingham|Savannah|Charleston
    Toronto|Montreal|Montréal|Vancouver|Calgary|Edmonton|Ottawa|Winnipeg|Quebec City|Hamilton|Saskatoon
    Kelowna|Kingston|Windsor|Sudbury|Thunder Bay|Moncton|Fredericton|Whitehorse|Yellowknife|Iqaluit
    Mississauga|Brampton|Surrey|Burnaby|Nanaimo|Kamloops|Lethbridge|Red Deer|Sherbrooke|Gatineau|Charlottetown
    Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Darwin|Canberra|Gold Coast|Sunshine Coast|Wollongong
    Geelong|Townsville|Cairns|Toowoomba|Ballarat|Bendigo|Launceston|Mackay|Rockhampton|Bunbury|Wagga Wagga
    Dubbo|Alice Springs|Broome|Mildura|Shepparton|Parramatta|Bondi|Fremantle|Penrith|Campbelltown|Tamworth
    Wagga|Lismore|Bundaberg|Gladstone|Kalgoorlie|Geraldton|Port Hedland|Devonport|Burnie|Wodonga|Albury|Cronulla
    """
)
"""Towns and cities in the UK, the US, Canada and Australia."""

HOSPITALS = _names(
    """
    Addenbrooke's|Addenbrookes|Guy's|Barts|UCLH|Whittington|Homerton|Great Ormond Street|GOSH|Alder Hey
    Royal Free|Royal London|Royal Brompton|Royal Marsden|Royal Infirmary|Royal Victoria|Ninewells
    Queen Elizabeth|QEUH|QEH|John Radcliffe|Freeman|Southmead|Frenchay|Wythenshawe|Aintree|Jimmy's
    Mount Sinai|Bellevue|Cedars-Sinai|Mass General|MGH|Johns Hopkins|Hopkins|Mayo Clinic|Cleveland Clinic
    SickKids|Sick Kids|Toronto General|Vancouver General|Foothills|Sunnybrook|Mount Sinai Hospital
    Westmead|RPA|RPAH|Royal Prince Alfred|the Alfred|Alfred|Royal Melbourne|Royal Perth|Royal Adelaide
    Royal Brisbane|Mercy|Lady Cilento|Princess Alexandra|Monash Medical Centre|Liverpool Hospital|Nepean|Concord
    """
)
"""Hospitals known by a short name, as clinicians write them."""

CHAINS = _names(
    """
    Tesco|Aldi|Lidl|Sainsbury's|Sainsburys|Asda|Morrisons|Co-op|Waitrose|Iceland|Greggs|Boots|Primark|Argos
    Woolworths|Woolies|Coles|IGA|Bunnings|Kmart|Big W|Walmart|Target|Costco|Kroger|Walgreens|CVS|Starbucks
    McDonald's|Maccas|Tim Hortons|Timmies|Loblaws|Shoppers|Canadian Tire|Wetherspoons|Spoons
    """
)
"""Shop and café chains: "outside the Co-op" puts a patient on one street."""
